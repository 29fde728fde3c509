package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.kubernetes.catalog.KubernetesFunctionCatalog;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.leader.LeadershipListener;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.leader.LeaseLeaderElection;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.scale.KubernetesOrchestrator;
import io.zeroscale.kubernetes.testing.ApiAccess;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API calls each part makes, recorded on the API server while it does all it can do, against
 * the permissions docs/kubernetes.md ("RBAC the code needs") lists for it: a call the table does
 * not list, or a listed permission no call uses, fails the test. {@code ShippedRbacTest} checks the
 * roles under manifests/ against the same table.
 */
class RequiredAccessTest {

  private static final String UNDER_TEST = "zeroscale-under-test";
  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The table of docs/kubernetes.md, "RBAC the code needs", per part. */
  static final Set<String> CATALOG =
      Set.of(
          "functions.zeroscale.io:list",
          "functions.zeroscale.io:watch",
          "functions.zeroscale.io:get",
          "functions.zeroscale.io:create",
          "functions.zeroscale.io:update",
          "functions.zeroscale.io:delete",
          "functions.zeroscale.io/status:update");

  static final Set<String> ENDPOINTS =
      Set.of("endpointslices.discovery.k8s.io:list", "endpointslices.discovery.k8s.io:watch");

  static final Set<String> ORCHESTRATOR =
      Set.of(
          "functions.zeroscale.io:get",
          "deployments.apps:list",
          "deployments.apps:watch",
          "deployments.apps:get",
          "deployments.apps:create",
          "deployments.apps:patch",
          "deployments.apps:delete",
          "deployments.apps/scale:get",
          "deployments.apps/scale:update",
          "services:get",
          "services:create",
          "services:patch",
          "services:delete");

  static final Set<String> CONTROLLER =
      Set.of(
          "functions.zeroscale.io:list",
          "functions.zeroscale.io:watch",
          "functions.zeroscale.io/status:update",
          "deployments.apps:list",
          "deployments.apps:watch",
          "deployments.apps:get",
          "deployments.apps:create",
          "deployments.apps:patch",
          "services:get",
          "services:create",
          "services:patch");

  static final Set<String> LEADER_ELECTION =
      Set.of(
          "leases.coordination.k8s.io:get",
          "leases.coordination.k8s.io:create",
          "leases.coordination.k8s.io:patch");

  /** Every permission some part of the platform uses: what the shipped roles must grant. */
  static final Set<String> ALL =
      Stream.of(CATALOG, ENDPOINTS, ORCHESTRATOR, CONTROLLER, LEADER_ELECTION)
          .flatMap(Set::stream)
          .collect(Collectors.toCollection(TreeSet::new));

  private ApiServer api;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    api = ApiServer.start();
    client = api.clientAs(UNDER_TEST);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void catalog() throws Exception {
    try (var catalog =
        new KubernetesFunctionCatalog(client, KubernetesBackendConfig.defaults()).start()) {
      catalog.put(hello("example.org/hello:1", 8080));
      catalog.put(hello("example.org/hello:2", 8080));
      await().atMost(WAIT).until(() -> catalog.get(HELLO).isPresent());
      catalog.updateStatus(HELLO, new FunctionStatus(1L, 0, 0, "http://r/", List.of()));
      catalog.delete(HELLO);
    }

    assertThat(used()).isEqualTo(CATALOG);
  }

  @Test
  void endpoints() {
    try (var endpoints =
        new EndpointSliceEndpoints(client, KubernetesBackendConfig.defaults()).start()) {
      endpoints.current(HELLO);
    }

    assertThat(used()).isEqualTo(ENDPOINTS);
  }

  @Test
  void orchestrator() {
    create(hello("example.org/hello:1", 8080));
    try (var orchestrator =
        new KubernetesOrchestrator(client, KubernetesBackendConfig.defaults()).start()) {
      orchestrator.apply(hello("example.org/hello:1", 8080));
      orchestrator.apply(hello("example.org/hello:2", 9090));
      orchestrator.scale(HELLO, 2);
      orchestrator.currentScale(HELLO);
      orchestrator.delete(HELLO);
    }

    assertThat(used()).isEqualTo(ORCHESTRATOR);
  }

  @Test
  void controller() {
    try (var controller =
        new FunctionReconciler(client, KubernetesBackendConfig.defaults(), Clock.systemUTC())
            .start()) {
      create(hello("example.org/hello:1", 8080));
      await()
          .atMost(WAIT)
          .until(() -> FunctionResources.readyReason(api.client(), "default", "hello") != null);
      FunctionResources.replaceSpec(
          api.client(), "default", "hello", hello("example.org/hello:2", 9090).spec());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  api.client()
                          .services()
                          .inNamespace("default")
                          .withName("hello")
                          .get()
                          .getSpec()
                          .getPorts()
                          .get(0)
                          .getPort()
                      == 9090);
    }

    assertThat(used()).isEqualTo(CONTROLLER);
  }

  @Test
  void leaderElection() {
    LeaseConfig config =
        LeaseConfig.defaults("zeroscale", "pod-1")
            .withTimings(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(200));
    try (var election = new LeaseLeaderElection(client, config, new LeadershipListener() {})) {
      election.start();
      await().atMost(WAIT).until(election::isLeader);
    } // closing releases the lease

    assertThat(used())
        .as("acquire (get, create), renew and release (get, patch with the resource version)")
        .isEqualTo(LEADER_ELECTION);
  }

  private Set<String> used() {
    return ApiAccess.of(api.requestsBy(UNDER_TEST));
  }

  private static Function hello(String image, int port) {
    Function f = SampleFunctions.hello("default", "hello", image);
    FunctionSpec s = f.spec();
    return Function.of(
        f.metadata(),
        new FunctionSpec(
            s.image(),
            s.command(),
            s.workingDir(),
            port,
            s.env(),
            s.timeout(),
            s.readiness(),
            s.scaling()));
  }

  private void create(Function function) {
    api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .resource(FunctionResource.of(function))
        .create();
  }
}
