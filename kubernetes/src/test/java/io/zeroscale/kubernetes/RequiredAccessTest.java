package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.kubernetes.catalog.KubernetesFunctionCatalog;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.leader.LeadershipListener;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.leader.LeaseLeaderElection;
import io.zeroscale.kubernetes.peers.DataPathDiscovery;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.scale.KubernetesOrchestrator;
import io.zeroscale.kubernetes.testing.ApiAccess;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API calls each part makes, recorded on the API server while it does all the platform asks of
 * it, against {@link RequiredAccess}'s table (docs/kubernetes.md, "RBAC"): a call the table does
 * not list, or a listed permission no call uses, fails the test. {@code manifests.ShippedRbacTest}
 * checks the roles under manifests/ against the same table, per platform Deployment; here, the
 * recorded requests themselves (namespaces and resource names included) must be allowed to the
 * account of each Deployment that runs the part ({@link ShippedRbac#denied}).
 */
class RequiredAccessTest {

  private static final String UNDER_TEST = "zeroscale-under-test";
  private static final String PLATFORM_NAMESPACE = "zeroscale";
  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ROUTER = "zeroscale-router";
  private static final String CONTROL = "zeroscale-control";
  private static final ShippedRbac BASE = ShippedRbac.platformBase();
  private static final ShippedRbac DEV = ShippedRbac.devOverlay();

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

  /** Every instance: the routing table, the activator and the autoscaler read the catalog. */
  @Test
  void catalogInformer() {
    try (var catalog =
        new KubernetesFunctionCatalog(client, KubernetesBackendConfig.defaults()).start()) {
      create(hello("example.org/hello:1", 8080));
      await().atMost(WAIT).until(() -> catalog.get(HELLO).isPresent());
      catalog.list();
    }

    assertThat(used()).isEqualTo(RequiredAccess.CATALOG_INFORMER);
    assertAllowedTo(ROUTER, CONTROL);
  }

  /** The control API's create, replace and delete, through the catalog. */
  @Test
  void controlApiWrites() {
    try (var catalog =
        new KubernetesFunctionCatalog(client, KubernetesBackendConfig.defaults()).start()) {
      catalog.put(hello("example.org/hello:1", 8080));
      catalog.put(hello("example.org/hello:2", 8080));
      await().atMost(WAIT).until(() -> catalog.get(HELLO).isPresent());
      catalog.delete(HELLO);
    }

    assertThat(used())
        .isEqualTo(union(RequiredAccess.CATALOG_INFORMER, RequiredAccess.FUNCTION_WRITES));
    assertAllowedTo(CONTROL);
    assertThat(ApiAccess.of(BASE.denied(ROUTER, api.requestsBy(UNDER_TEST))))
        .as("what a router may not do: write Functions")
        .isEqualTo(RequiredAccess.FUNCTION_WRITES);
  }

  @Test
  void endpoints() {
    try (var endpoints =
        new EndpointSliceEndpoints(client, KubernetesBackendConfig.defaults()).start()) {
      endpoints.current(HELLO);
    }

    assertThat(used()).isEqualTo(RequiredAccess.ENDPOINTS);
    assertAllowedTo(ROUTER);
  }

  /** The orchestrator's cache, read by {@code currentScale} (autoscaler, control API). */
  @Test
  void deploymentCache() {
    try (var orchestrator =
        new KubernetesOrchestrator(client, KubernetesBackendConfig.defaults()).start()) {
      orchestrator.currentScale(HELLO);
    }

    assertThat(used()).isEqualTo(RequiredAccess.DEPLOYMENT_CACHE);
    assertAllowedTo(CONTROL);
  }

  /** The autoscaler: reads the scale from the cache, writes it through the scale subresource. */
  @Test
  void scaling() {
    create(hello("example.org/hello:1", 8080));
    new KubernetesOrchestrator(api.client(), KubernetesBackendConfig.defaults())
        .apply(hello("example.org/hello:1", 8080));
    int before = api.requestsBy(UNDER_TEST).size();
    try (var orchestrator =
        new KubernetesOrchestrator(client, KubernetesBackendConfig.defaults()).start()) {
      orchestrator.scale(HELLO, 2);
      await().atMost(WAIT).until(() -> orchestrator.currentScale(HELLO).desired() == 2);
      orchestrator.scale(HELLO, 0);
    }

    assertThat(before).as("nothing recorded before the orchestrator ran").isZero();
    assertThat(used()).isEqualTo(union(RequiredAccess.DEPLOYMENT_CACHE, RequiredAccess.SCALING));
    assertAllowedTo(CONTROL);
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

    assertThat(used()).isEqualTo(RequiredAccess.CONTROLLER);
    assertAllowedTo(CONTROL);
  }

  @Test
  void leaderElection() {
    LeaseConfig config =
        LeaseConfig.defaults(PLATFORM_NAMESPACE, "pod-1")
            .withTimings(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofMillis(200));
    try (var election = new LeaseLeaderElection(client, config, new LeadershipListener() {})) {
      election.start();
      await().atMost(WAIT).until(election::isLeader);
    } // closing releases the lease

    assertThat(used())
        .as("acquire (get, create), renew and release (get, patch with the resource version)")
        .isEqualTo(RequiredAccess.LEADER_ELECTION);
    assertAllInThePlatformsNamespace();
    assertAllowedTo(CONTROL);
    assertThat(BASE.denied(ROUTER, api.requestsBy(UNDER_TEST)))
        .as("a router does not lead")
        .isEqualTo(api.requestsBy(UNDER_TEST));
  }

  /** The leader finds the data-path instances through the EndpointSlices of one Service. */
  @Test
  void peerDiscovery() {
    try (var discovery =
        new DataPathDiscovery(client, PLATFORM_NAMESPACE, "zeroscale-data-path").start()) {
      discovery.current();
    }

    assertThat(used()).isEqualTo(RequiredAccess.PEER_DISCOVERY);
    assertAllInThePlatformsNamespace();
    assertAllowedTo(CONTROL);
  }

  /** What a Role in the platform's namespace grants suffices: no call leaves it. */
  private void assertAllInThePlatformsNamespace() {
    assertThat(api.requestsBy(UNDER_TEST))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r).contains("/namespaces/" + PLATFORM_NAMESPACE + "/"));
  }

  /**
   * Each request recorded so far is allowed to each account (its shipped roles in the base), and to
   * the dev overlay's one instance.
   */
  private void assertAllowedTo(String... accounts) {
    List<String> requests = api.requestsBy(UNDER_TEST);
    for (String account : accounts) {
      assertThat(BASE.denied(account, requests))
          .as("requests the shipped roles of %s do not allow", account)
          .isEmpty();
    }
    assertThat(DEV.denied(ROUTER, requests))
        .as("requests the dev overlay's one instance may not make")
        .isEmpty();
  }

  private Set<String> used() {
    return ApiAccess.of(api.requestsBy(UNDER_TEST));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
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
