package io.zeroscale.platform.peers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a data-path instance tells the leading autoscaler, read from a running platform: a stream of
 * its pokes, and running load totals that reading does not reset.
 */
@QuarkusTest
class PeerEndpointsTest {

  private static final String NAME = "reported";

  @TestHTTPResource(PeerEndpoints.POKES_PATH)
  URI pokes;

  @TestHTTPResource("/api/v1/functions/default/" + NAME)
  URI function;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private CompletableFuture<HttpResponse<Stream<String>>> stream;

  @AfterEach
  void cleanUp() {
    if (stream != null) {
      stream.thenAccept(r -> r.body().close());
      stream.cancel(true);
    }
    given().delete("/api/v1/functions/default/" + NAME);
  }

  @Test
  void aWaitingRequestIsStreamedAsAPokeAndCountsInTheTotals() throws Exception {
    deploy();
    List<String> lines = new CopyOnWriteArrayList<>();
    stream =
        http.sendAsync(HttpRequest.newBuilder(pokes).build(), HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> following = stream.get();
    assertThat(following.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> following.body().forEach(lines::add), "poke-reader");
    reader.setDaemon(true);
    reader.start();

    HttpResponse<String> answered =
        http.send(
            HttpRequest.newBuilder(URI.create(routerUrl() + "/fn/default/" + NAME + "/x")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answered.statusCode()).isEqualTo(200);
    await("the wait at zero was streamed")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                lines.stream()
                    .anyMatch(
                        l ->
                            l.contains("\"name\":\"" + NAME + "\"") && l.contains("\"queued\":1")));

    JsonPath first = load();
    JsonPath second = load();
    String path = "functions.find { it.key.name == '" + NAME + "' }";
    assertThat(first.getLong(path + ".requests")).isEqualTo(1);
    assertThat(second.getLong(path + ".requests")).as("reading resets nothing").isEqualTo(1);
    assertThat(second.getDouble(path + ".concurrencySeconds")).isGreaterThan(0);
    assertThat(second.getString("instance")).isEqualTo(first.getString("instance"));
    assertThat(second.getLong("nanos")).isGreaterThan(first.getLong("nanos"));
  }

  @Test
  void pastTheLimitTheOldestFollowerIsLetGoAndTheNewOneFollows() throws Exception {
    List<HttpResponse<Stream<String>>> followers = new java.util.ArrayList<>();
    try {
      for (int i = 0; i <= PokeBroadcast.MAX_FOLLOWERS; i++) {
        HttpResponse<Stream<String>> follower =
            http.send(HttpRequest.newBuilder(pokes).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(follower.statusCode()).isEqualTo(200);
        followers.add(follower);
      }
      // The oldest one's stream ends (reset by the instance); the others stay open.
      CompletableFuture<String> oldestEnds =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  followers.get(0).body().count();
                  return "ended";
                } catch (java.io.UncheckedIOException e) {
                  return "reset";
                }
              });
      assertThat(oldestEnds.get(10, java.util.concurrent.TimeUnit.SECONDS)).isIn("ended", "reset");
    } finally {
      followers.forEach(f -> f.body().close());
    }
  }

  private static JsonPath load() {
    return given().get(PeerEndpoints.LOAD_PATH).then().statusCode(200).extract().jsonPath();
  }

  private static String routerUrl() {
    return given().get("/api/v1/info").then().statusCode(200).extract().path("routerUrl");
  }

  private void deploy() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classes = Path.of("target/test-classes").toAbsolutePath().toString();
    String spec =
        """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: default}
        spec:
          command: [%s, -cp, %s, io.zeroscale.platform.e2e.EchoFunction]
          scaling: {minScale: 0, maxScale: 1}
        """
            .formatted(NAME, java, classes);
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(function)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(spec))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }
}
