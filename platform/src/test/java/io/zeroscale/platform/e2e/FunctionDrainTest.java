package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real function process (examples/sleepy on function-runtime) with requests in flight:
 * readiness turns 503 while they are still running, a new request is refused, every in-flight
 * request completes with 200, and the process exits within its grace period.
 */
class FunctionDrainTest {

  private static final Path JAR =
      Path.of("../examples/sleepy/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final int IN_FLIGHT = 3;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Process function;

  @AfterEach
  void stop() {
    if (function != null) {
      function.destroyForcibly();
    }
  }

  @Test
  void sigtermDrainsInFlightRequestsAndRefusesNewOnes() throws Exception {
    assertThat(JAR).as("build examples/sleepy first (mvn -pl examples/sleepy install)").exists();
    int port = freePort();
    function = start(port);
    await("readiness").atMost(Duration.ofSeconds(60)).until(() -> status(port, "/q/ready") == 200);

    List<CompletableFuture<HttpResponse<String>>> inFlight =
        new ArrayList<>(IntStream.range(0, IN_FLIGHT).mapToObj(i -> slow(port)).toList());
    // With containerConcurrency = IN_FLIGHT, a quick request is refused by function-runtime's
    // limit exactly when all the slow ones are inside the function: that is the signal they are.
    awaitAllInFlight(port, inFlight);
    assertThat(inFlight)
        .as("requests still running before SIGTERM")
        .noneMatch(CompletableFuture::isDone);

    function.destroy(); // SIGTERM

    await("readiness turns 503")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> status(port, "/q/ready") == 503);
    assertThat(inFlight)
        .as("in-flight requests still running when readiness turned false")
        .noneMatch(CompletableFuture::isDone);
    // Refused by the drain (not by the concurrency limit, which the in-flight requests fill too),
    // or not connected at all.
    HttpResponse<String> late =
        call(port, "/?sleepMs=0&cpuMs=0").exceptionally(e -> null).get(30, TimeUnit.SECONDS);
    if (late != null) {
      assertThat(late.statusCode()).as("a request arriving after SIGTERM").isEqualTo(503);
      assertThat(late.body()).contains("shutting down");
    }

    for (CompletableFuture<HttpResponse<String>> request : inFlight) {
      HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as("in-flight answer: %s", response.body()).isEqualTo(200);
      assertThat(response.body()).contains("\"sleptMs\":");
    }
    assertThat(function.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS))
        .as("process exits before its %s grace period ends", GRACE)
        .isTrue();
  }

  private void awaitAllInFlight(int port, List<CompletableFuture<HttpResponse<String>>> inFlight)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int probe;
    do {
      // A probe in flight can take the last slot just before a slow request arrives: send that
      // slow request again.
      inFlight.replaceAll(r -> r.isDone() && refused(r) ? slow(port) : r);
      probe = status(port, "/?sleepMs=0&cpuMs=0");
      if (probe != 503) {
        Thread.sleep(20);
      }
    } while (probe != 503 && System.nanoTime() < deadline);
    assertThat(probe)
        .as(
            "a quick request refused by the limit (last answer %s; slow requests: %s)",
            probe, inFlight.stream().map(FunctionDrainTest::describe).toList())
        .isEqualTo(503);
  }

  private CompletableFuture<HttpResponse<String>> slow(int port) {
    return call(port, "/?sleepMs=8000&cpuMs=0");
  }

  private static boolean refused(CompletableFuture<HttpResponse<String>> request) {
    return request.handle((r, e) -> r != null && r.statusCode() == 503).join();
  }

  private static String describe(CompletableFuture<HttpResponse<String>> request) {
    if (!request.isDone()) {
      return "running";
    }
    return request
        .handle((r, e) -> r != null ? r.statusCode() + " " + r.body() : e.toString())
        .join();
  }

  private Process start(int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(PlatformClient.JAVA, "-jar", JAR.toString());
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_SHUTDOWN_TIMEOUT", GRACE.toSeconds() + "s");
    builder.environment().put("ZEROSCALE_CONTAINER_CONCURRENCY", Integer.toString(IN_FLIGHT));
    builder.redirectErrorStream(true);
    builder.redirectOutput(Path.of("target/function-drain-test.log").toFile());
    return builder.start();
  }

  private CompletableFuture<HttpResponse<String>> call(int port, String pathAndQuery) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a GET, or -1 when the connection was refused or broken. */
  private int status(int port, String pathAndQuery) {
    try {
      return call(port, pathAndQuery).get(10, TimeUnit.SECONDS).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
