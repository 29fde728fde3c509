package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Orchestrator.Scale;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.scale.KubernetesOrchestrator;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.KubeletStandIn;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import io.zeroscale.kubernetes.testing.replica.HelloReplica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend's parts against the API server with the kubelet stand-in playing the cluster: real
 * processes behind the endpoints {@link EndpointSliceEndpoints} reports, real HTTP to them.
 */
class KubeletStandInTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer api;
  private KubeletStandIn standIn;
  private EndpointSliceEndpoints endpoints;
  private KubernetesOrchestrator orchestrator;
  private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    api = ApiServer.start();
    standIn =
        new KubeletStandIn(api.client(), Map.of(HelloReplica.IMAGE, HelloReplica.command()))
            .start();
    endpoints = new EndpointSliceEndpoints(api.client(), FunctionResources.QUICK_STOPS).start();
    endpoints.watch((key, list) -> list.forEach(e -> seen.add(e.id() + ":" + e.state())));
    orchestrator = new KubernetesOrchestrator(api.client(), FunctionResources.QUICK_STOPS).start();
  }

  @AfterEach
  void stop() {
    orchestrator.close();
    endpoints.close();
    standIn.close();
    api.close();
  }

  @Test
  void scaledUpReplicasAreRealProcessesAnsweringAtTheirReadyEndpoints() throws Exception {
    orchestrator.apply(create(function(Map.of("GREETING", "hi"), "30s", 0)));

    orchestrator.scale(HELLO, 2);

    List<Endpoint> ready = awaitReady(2);
    for (Endpoint e : ready) {
      assertThat(get(e))
          .as("the pod's process, with the template's environment and its own name")
          .isEqualTo("hi from " + e.id());
    }
    assertThat(standIn.processes()).containsOnlyKeys(ready.stream().map(Endpoint::id).toList());
    await().atMost(WAIT).until(() -> orchestrator.currentScale(HELLO).equals(new Scale(2, 2)));
  }

  @Test
  void scaleToZeroTurnsEndpointsTerminatingThenDropsThemAndStopsTheProcessesWithSigterm()
      throws Exception {
    orchestrator.apply(create(function(Map.of(), "30s", 0)));
    orchestrator.scale(HELLO, 1);
    String pod = awaitReady(1).get(0).id();
    ProcessHandle process = standIn.processes().get(pod);

    orchestrator.scale(HELLO, 0);

    await().atMost(WAIT).until(() -> endpoints.current(HELLO).isEmpty());
    assertThat(seen).as("states the endpoint went through").contains(pod + ":TERMINATING");
    assertThat(process.onExit().get().isAlive()).isFalse();
    assertThat(standIn.exitCodes()).containsEntry(pod, 143);
    assertThat(api.client().pods().inNamespace("default").withName(pod).get()).isNull();
    await().atMost(WAIT).until(() -> orchestrator.currentScale(HELLO).equals(new Scale(0, 0)));
  }

  @Test
  void aProcessThatIgnoresSigtermIsKilledWhenTheGracePeriodEnds() throws Exception {
    // Grace period = pre-stop sleep 1 s + timeout 1 s + margin 1 s.
    orchestrator.apply(create(function(Map.of("IGNORE_SIGTERM", "true"), "1s", 0)));
    orchestrator.scale(HELLO, 1);
    String pod = awaitReady(1).get(0).id();
    ProcessHandle process = standIn.processes().get(pod);

    orchestrator.scale(HELLO, 0);

    await().atMost(WAIT).until(() -> endpoints.current(HELLO).isEmpty());
    assertThat(process.isAlive()).isFalse();
    assertThat(standIn.exitCodes()).as("killed by SIGKILL").containsEntry(pod, 137);
  }

  @Test
  void aKilledProcessIsRestartedInItsPod() throws Exception {
    orchestrator.apply(create(function(Map.of("GREETING", "hi"), "30s", 0)));
    orchestrator.scale(HELLO, 1);
    String pod = awaitReady(1).get(0).id();
    ProcessHandle first = standIn.processes().get(pod);
    seen.clear();

    first.destroyForcibly();

    await()
        .atMost(WAIT)
        .until(
            () ->
                standIn.processes().containsKey(pod)
                    && standIn.processes().get(pod).pid() != first.pid()
                    && endpoints.current(HELLO).stream().anyMatch(Endpoint::isReady));
    assertThat(seen).as("not ready while the container restarts").contains(pod + ":STARTING");
    assertThat(get(endpoints.current(HELLO).get(0))).isEqualTo("hi from " + pod);
    assertThat(
            api.client()
                .pods()
                .inNamespace("default")
                .withName(pod)
                .get()
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getRestartCount())
        .isEqualTo(1);
  }

  @Test
  void theControllerTurnsAFunctionIntoAnsweringReplicas() throws Exception {
    try (var controller =
        new FunctionReconciler(api.client(), FunctionResources.QUICK_STOPS, Clock.systemUTC())
            .start()) {
      long created = System.nanoTime();
      create(function(Map.of("GREETING", "hi"), "30s", 1));

      Endpoint replica = awaitReady(1).get(0);
      String answer = get(replica);
      long answered = System.nanoTime();

      assertThat(answer).isEqualTo("hi from " + replica.id());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "Serving"
                      .equals(FunctionResources.readyReason(api.client(), "default", "hello")));
      System.out.printf(
          "measurement Function created -> first answer from a READY endpoint: %.0f ms%n",
          (answered - created) / 1e6);
    }
  }

  @Test
  void aChangedTemplateRollsThePodsKeepingAReadyReplicaThroughout() throws Exception {
    List<Integer> readyCounts = new java.util.concurrent.CopyOnWriteArrayList<>();
    endpoints.watch(
        (key, list) -> readyCounts.add((int) list.stream().filter(Endpoint::isReady).count()));
    try (var controller =
        new FunctionReconciler(api.client(), FunctionResources.QUICK_STOPS, Clock.systemUTC())
            .start()) {
      create(function(Map.of("GREETING", "hi"), "30s", 1));
      String first = awaitReady(1).get(0).id();

      FunctionResources.replaceSpec(
          api.client(),
          "default",
          "hello",
          function(Map.of("GREETING", "bonjour"), "30s", 1).spec());

      await().atMost(WAIT).until(() -> standIn.exitCodes().containsKey(first));
      Endpoint second = awaitReady(1).get(0);
      assertThat(second.id()).isNotEqualTo(first);
      assertThat(get(second)).isEqualTo("bonjour from " + second.id());
      assertThat(standIn.exitCodes()).containsEntry(first, 143);
      assertThat(readyCounts.subList(readyCounts.indexOf(1), readyCounts.size()))
          .as("ready endpoints in each snapshot once the first was ready (maxUnavailable 0)")
          .doesNotContain(0);
    }
  }

  private List<Endpoint> awaitReady(int count) {
    return await()
        .atMost(WAIT)
        .until(
            () -> endpoints.current(HELLO).stream().filter(Endpoint::isReady).toList(),
            list -> list.size() == count);
  }

  private String get(Endpoint endpoint) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://" + endpoint.address() + "/"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static Function function(Map<String, String> env, String timeout, int minScale) {
    FunctionSpec s = SampleFunctions.hello("default", "hello", HelloReplica.IMAGE).spec();
    return Function.of(
        SampleFunctions.hello("default", "hello", HelloReplica.IMAGE).metadata(),
        new FunctionSpec(
            s.image(),
            null,
            null,
            s.port(),
            new HashMap<>(env),
            timeout,
            s.readiness(),
            new ScalingSpec(minScale, 5, 10, 0, "30s")));
  }

  private Function create(Function function) {
    api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .resource(FunctionResource.of(function))
        .create();
    return function;
  }
}
