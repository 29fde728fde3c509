package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.leader.LeaseLeaderElection;
import io.zeroscale.kubernetes.leader.WhileLeading;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.KubeletStandIn;
import io.zeroscale.kubernetes.testing.replica.HelloReplica;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances, each running the controller only while it leads, against one API server
 * with the kubelet stand-in: only the leader writes Deployments; when it stops, the other takes
 * over and serves the next function.
 */
class HighAvailabilityTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private ApiServer api;
  private KubeletStandIn standIn;
  private EndpointSliceEndpoints endpoints;
  private Instance a;
  private Instance b;

  /** One platform instance: its election and its controller, run while it leads. */
  private record Instance(String name, LeaseLeaderElection election, WhileLeading controller)
      implements AutoCloseable {

    static Instance start(ApiServer api, String name) {
      var client = api.clientAs(name);
      var controller =
          new WhileLeading(
              "controller",
              () ->
                  new FunctionReconciler(client, FunctionResources.QUICK_STOPS, Clock.systemUTC())
                      .start());
      var config =
          LeaseConfig.defaults("zeroscale", name)
              .withTimings(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(200));
      return new Instance(
          name, new LeaseLeaderElection(client, config, controller).start(), controller);
    }

    @Override
    public void close() {
      election.close();
      controller.close();
    }
  }

  @BeforeEach
  void start() {
    api = ApiServer.start();
    standIn =
        new KubeletStandIn(api.client(), Map.of(HelloReplica.IMAGE, HelloReplica.command()))
            .start();
    endpoints = new EndpointSliceEndpoints(api.client(), FunctionResources.QUICK_STOPS).start();
    a = Instance.start(api, "instance-a");
    b = Instance.start(api, "instance-b");
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    endpoints.close();
    standIn.close();
    api.close();
  }

  @Test
  void onlyTheLeaderControlsAndTheStandByTakesOverWhenItStops() {
    await().atMost(WAIT).until(() -> a.controller().running() || b.controller().running());
    Instance leader = a.controller().running() ? a : b;
    Instance standBy = leader == a ? b : a;

    FunctionResources.createHelloReplica(api.client(), FunctionKey.of("default", "first"));
    awaitAnswering("first");

    assertThat(deploymentWrites(leader.name())).containsExactly("POST deployments");
    assertThat(deploymentWrites(standBy.name())).as("the stand-by writes nothing").isEmpty();

    leader.close();
    await().atMost(WAIT).until(() -> standBy.controller().running());
    FunctionResources.createHelloReplica(api.client(), FunctionKey.of("default", "second"));
    awaitAnswering("second");

    assertThat(deploymentWrites(standBy.name())).containsExactly("POST deployments");
    assertThat(deploymentWrites(leader.name())).containsExactly("POST deployments");
  }

  private void awaitAnswering(String name) {
    FunctionKey key = FunctionKey.of("default", name);
    await().atMost(WAIT).until(() -> endpoints.current(key).stream().anyMatch(Endpoint::isReady));
  }

  /** The Deployment writes an instance made, as {@code METHOD deployments}. */
  private List<String> deploymentWrites(String instance) {
    return api.requestsBy(instance).stream()
        .filter(r -> !r.startsWith("GET ") && r.contains("/deployments"))
        .map(r -> r.substring(0, r.indexOf(' ')) + " deployments")
        .toList();
  }
}
