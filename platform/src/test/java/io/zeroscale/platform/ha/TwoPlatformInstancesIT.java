package io.zeroscale.platform.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged platforms, every role each, on one API server with the kubelet stand-in: only the
 * leader reconciles and scales; a request waiting at the stand-by for a function at zero is
 * answered once the leader stops and the stand-by leads (no decision lost in the hand-over).
 */
class TwoPlatformInstancesIT {

  private static final String SCALE = "PUT /apis/apps/v1/namespaces/default/deployments/";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private StandInCluster cluster;
  private PlatformProcess first;
  private PlatformProcess second;

  @BeforeEach
  void start() throws Exception {
    cluster = StandInCluster.start();
    first = PlatformProcess.start("platform-a", cluster.url());
    await("platform-a ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> first.ready(http) || !first.alive());
    assertThat(first.alive()).as("platform-a runs (see target/two-instances/)").isTrue();
    await("platform-a leads")
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.leader("default").startsWith("platform-a_"));
    second = PlatformProcess.start("platform-b", cluster.url());
    await("platform-b ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> second.ready(http) || !second.alive());
    assertThat(second.alive()).as("platform-b runs (see target/two-instances/)").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {second, first, cluster}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void onlyTheLeaderScalesAndTheStandByTakesOverWithTheRequestWaitingAtIt() throws Exception {
    HttpResponse<String> created =
        second.deployHello(http, "timeout: 30s, scaling: {minScale: 0, maxScale: 1}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    await("the leader's controller made the Deployment")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster.fixture.apps().deployments().inNamespace("default").withName("hello").get()
                    != null);

    // A call at the stand-by's router: the function is at zero and only the leader scales.
    CompletableFuture<HttpResponse<String>> waiting =
        http.sendAsync(
            HttpRequest.newBuilder(second.router("/fn/default/hello/work"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    await("the stand-by holds the request")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !waiting.isDone());
    assertThat(cluster.writes("platform-b"))
        .as("the stand-by wrote the Function it was sent (control API) and nothing else")
        .containsExactly("POST /apis/zeroscale.io/v1alpha1/namespaces/default/functions");
    assertThat(cluster.writes("platform-a"))
        .as("the leader created the Deployment and the Service")
        .anyMatch(r -> r.startsWith("POST /apis/apps/v1/namespaces/default/deployments"));

    assertThat(first.stop()).as("platform-a exits cleanly on SIGTERM").isIn(0, 143);
    HttpResponse<String> answered = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    assertThat(answered.body()).isEqualTo("GET /work ");
    assertThat(cluster.leader("default")).startsWith("platform-b_");
    assertThat(cluster.writes("platform-b"))
        .as("the new leader scaled the function up through the scale subresource")
        .contains(SCALE + "hello/scale");
    assertThat(cluster.writes("platform-a")).noneMatch(r -> r.startsWith(SCALE));
  }
}
