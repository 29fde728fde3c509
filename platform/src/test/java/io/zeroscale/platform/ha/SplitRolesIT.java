package io.zeroscale.platform.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.zeroscale.kubernetes.endpoints.Slices;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped topology, packaged: a router instance (roles router,activator) and a control instance
 * (autoscaler,controller) on one API server with the kubelet stand-in. The control instance finds
 * the router through the EndpointSlices of the Service {@code zeroscale-data-path} (written here as
 * the EndpointSlice controller would), follows its pokes and reads its load: a call at the router
 * wakes a function at zero, its load shows at the leader, and a router that stops answering keeps
 * its last load there instead of counting as zero.
 */
class SplitRolesIT {

  private static final String SCALE = "PUT /apis/apps/v1/namespaces/default/deployments/";
  private static final String STABLE = "zeroscale_autoscaler_concurrency_stable";
  private static final String STALE = "zeroscale_autoscaler_load_sources_stale";
  private static final String PLATFORM_NAMESPACE = "zeroscale";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private StandInCluster cluster;
  private PlatformProcess router;
  private PlatformProcess control;

  @BeforeEach
  void start() throws Exception {
    cluster = StandInCluster.start();
    // The platform's own namespace as in the manifests, so the Role's namespace counts too.
    router =
        PlatformProcess.start("router-a", cluster.url(), "router,activator", PLATFORM_NAMESPACE);
    control =
        PlatformProcess.start(
            "control-b", cluster.url(), "autoscaler,controller", PLATFORM_NAMESPACE);
    for (PlatformProcess p : List.of(router, control)) {
      await(p.name + " ready")
          .atMost(Duration.ofSeconds(60))
          .until(() -> p.ready(http) || !p.alive());
      assertThat(p.alive()).as(p.name + " runs (see target/two-instances/)").isTrue();
    }
    await("control-b leads")
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.leader(PLATFORM_NAMESPACE).startsWith("control-b_"));
    cluster.fixture.resource(dataPathSlice(router.controlPort)).create();
  }

  @AfterEach
  void stop() throws Exception {
    if (router != null && router.alive()) {
      router.freeze(false);
    }
    // The router first, while the leader still follows its poke stream (as in a router rollout).
    for (AutoCloseable c : new AutoCloseable[] {router, control, cluster}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void theLeaderWakesAndScalesOnTheRoutersPokesAndLoadAndKeepsASilentRoutersLoad()
      throws Exception {
    HttpResponse<String> created =
        control.deployHello(
            http, "timeout: 60s, scaling: {minScale: 0, maxScale: 2, scaleToZeroGracePeriod: 2s}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    await("the leader's controller made the Deployment")
        .atMost(Duration.ofSeconds(20))
        .until(() -> deployment() != null);
    await("the router's catalog knows the function")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    router.control("/api/v1/functions/default/hello"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);

    HttpResponse<String> woken =
        http.send(
            HttpRequest.newBuilder(router.router("/fn/default/hello/wake"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(woken.statusCode()).as(woken.body()).isEqualTo(200);
    assertThat(cluster.writes("control-b"))
        .as("the leader scaled up")
        .contains(SCALE + "hello/scale");
    assertThat(cluster.writes("router-a"))
        .as("the router scales nothing")
        .noneMatch(r -> r.startsWith(SCALE));

    // Load at the router only; the leader's windows show it.
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      slow.add(
          http.sendAsync(
              HttpRequest.newBuilder(router.router("/fn/default/hello/slow?sleepMs=12000"))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    await("the router's load reaches the leader")
        .atMost(Duration.ofSeconds(10))
        .until(() -> control.metric(http, STABLE, "hello") > 0);
    assertThat(control.metric(http, STALE, null)).isZero();

    // The router stops answering with two requests in flight: they count with its last load, so
    // the function is not idle (read as zero, it would go to zero after the 2 s grace period).
    router.freeze(true);
    await("the leader sees the router silent")
        .atMost(Duration.ofSeconds(10))
        .until(() -> control.metric(http, STALE, null) == 1);
    await("the silent router's requests still count")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(6))
        .until(() -> deployment().getSpec().getReplicas() >= 1);
    router.freeze(false);

    for (CompletableFuture<HttpResponse<String>> reply : slow) {
      HttpResponse<String> answered = reply.get(60, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }
    await("the router answers the leader again")
        .atMost(Duration.ofSeconds(10))
        .until(() -> control.metric(http, STALE, null) == 0);

    HttpResponse<String> scaleAtRouter =
        http.send(
            HttpRequest.newBuilder(router.control("/api/v1/functions/default/hello/scale")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scaleAtRouter.statusCode())
        .as("a router instance follows no Deployments: " + scaleAtRouter.body())
        .isEqualTo(501);
    assertThat(scaleAtRouter.body()).contains("zeroscale-control");

    // A router stopping while the leader follows its poke stream: the stream ends at SIGTERM, so
    // the HTTP server's graceful shutdown does not wait for it (it would, up to its timeout,
    // before the data path even starts draining).
    assertThat(router.stop()).as("router-a exits cleanly on SIGTERM").isIn(0, 143);
    String log = router.log();
    assertThat(log.indexOf("poke stream left"))
        .as("the leader's stream ended before the data path started draining")
        .isNotNegative()
        .isLessThan(log.indexOf("router stopped accepting requests"));

    // Each instance made only calls its shipped account allows, namespaces and names told apart.
    ShippedRbac base = ShippedRbac.platformBase();
    assertThat(base.denied("zeroscale-router", cluster.api.requestsBy("router-a")))
        .as("calls the router's account does not allow")
        .isEmpty();
    assertThat(base.denied("zeroscale-control", cluster.api.requestsBy("control-b")))
        .as("calls the control account does not allow")
        .isEmpty();
  }

  private Deployment deployment() {
    return cluster.fixture.apps().deployments().inNamespace("default").withName("hello").get();
  }

  /** The router pod as the EndpointSlice controller lists it for zeroscale-data-path. */
  private static EndpointSlice dataPathSlice(int controlPort) {
    return Slices.slice(
        PLATFORM_NAMESPACE,
        "zeroscale-data-path",
        "zeroscale-data-path-abc",
        "control",
        controlPort,
        List.of(Slices.pod("router-a", "127.0.0.1", true, true, false)));
  }
}
