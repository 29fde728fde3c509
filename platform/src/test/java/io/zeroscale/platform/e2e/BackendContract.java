package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend owes, through the control API and the router: wake from zero by HTTP,
 * 200 concurrent requests from zero all answered, back to zero after the grace period, scale-down
 * under a steady stream with every request answered, a killed replica replaced. A subclass per
 * backend says how a function's spec names what to run and how to find its replicas' processes.
 */
abstract class BackendContract {

  private static final int CLIENTS = 4;

  protected final PlatformClient platform = new PlatformClient();
  private final List<String> deployed = new ArrayList<>();

  /** The backend's name in printed measurements. */
  abstract String backend();

  /** A Function of this backend running {@link EchoFunction}, with the given scaling block. */
  abstract String echoSpec(String name, String scaling);

  /** The process id of each ready replica of {@code name}. */
  abstract List<Long> readyReplicaPids(String name);

  /** Removes what deleting the function leaves behind on this backend (nothing by default). */
  void deleted(String name) {}

  @AfterEach
  void deleteFunctions() {
    for (String name : deployed) {
      given().delete("/api/v1/functions/default/" + name);
      deleted(name);
    }
    deployed.clear();
  }

  void deploy(String name, String scaling) {
    deployed.add(name);
    platform.apply(name, echoSpec(name, scaling));
  }

  /**
   * One request at a function created at zero is answered by its first replica. Prints the time
   * from the create call to the answer (the router answers 404 until it has seen the function:
   * retried), four functions in a row after one to warm up (class loading, JIT, first connections).
   */
  @Test
  void aRequestWakesAFunctionFromZero() throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "wake-" + i;
      long start = System.nanoTime();
      deploy(name, "{minScale: 0, maxScale: 1}");
      URI uri = platform.functionUri(name, "/hello");
      HttpResponse<String> response;
      do {
        response =
            platform.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build());
      } while (response.statusCode() == 404 && System.nanoTime() - start < 10_000_000_000L);
      millis.add((System.nanoTime() - start) / 1_000_000);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("GET /hello ");
    }
    List<Long> measured = millis.subList(1, millis.size()).stream().sorted().toList();
    System.out.printf(
        "MEASUREMENT backend=%s functionCreatedToFirstAnswerMs warmUp=%d measured(sorted)=%s%n",
        backend(), millis.get(0), measured);
  }

  @Test
  void twoHundredConcurrentRequestsAtZeroAreAllAnsweredAndTheFunctionScalesOut() throws Exception {
    deploy("burst", "{minScale: 0, maxScale: 4, target: 10, scaleToZeroGracePeriod: 3s}");
    await("the function is known")
        .atMost(Duration.ofSeconds(10))
        .until(() -> given().get("/api/v1/functions/default/burst/scale").statusCode() == 200);
    assertThat(platform.desired("burst")).as("a new function starts at zero").isZero();

    URI uri = platform.functionUri("burst", "/work?sleepMs=300");
    AtomicInteger mostReady = new AtomicInteger();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(platform.post(uri, "request-" + i));
    }
    while (!CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).isDone()) {
      mostReady.accumulateAndGet(platform.ready("burst"), Math::max);
      Thread.sleep(50);
    }

    for (int i = 0; i < calls.size(); i++) {
      HttpResponse<String> response = calls.get(i).join();
      assertThat(response.statusCode())
          .as("status of request %d: %s", i, response.body())
          .isEqualTo(200);
      assertThat(response.body()).isEqualTo("POST /work request-" + i);
    }
    // The burst scaled the function out. Its extra replicas may have come after the first one
    // answered everything: the activator probes starting replicas itself, but a Deployment counts
    // a pod ready only after the kubelet's probe (every second); the panic window keeps them.
    await("more than one replica ready after the burst")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> mostReady.accumulateAndGet(platform.ready("burst"), Math::max) > 1);

    await("back to zero after the grace period")
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> platform.desired("burst") == 0 && platform.ready("burst") == 0);
  }

  /**
   * Replicas drained and stopped while a steady stream runs: every request gets 200. The replicas
   * that stop are marked terminating first, finish their in-flight requests, then get SIGTERM.
   */
  @Test
  void scaleDownUnderASteadyStreamLosesNothing() throws Exception {
    deploy("steady", "{minScale: 3, maxScale: 3, target: 100}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("steady") == 3);

    List<Integer> statuses;
    try (SteadyLoad load =
        new SteadyLoad(platform, platform.functionUri("steady", "/?sleepMs=30"), 3)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> load.answered() > 30);
      // Lowering minScale changes no replica's workload: nothing restarts, the autoscaler scales
      // in.
      deploy("steady", "{minScale: 0, maxScale: 3, target: 100, scaleToZeroGracePeriod: 60s}");
      await("the autoscaler drains and stops the replicas the load does not need")
          .atMost(Duration.ofSeconds(60))
          .until(() -> platform.ready("steady") == 1 && platform.desired("steady") == 1);
      int atScaleDown = load.answered();
      await().atMost(Duration.ofSeconds(10)).until(() -> load.answered() > atScaleDown + 30);
      statuses = load.snapshot();
    }

    assertThat(statuses).isNotEmpty().allMatch(s -> s == 200, "every status is 200");
  }

  /** SIGKILL of a replica under load: only its in-flight requests may fail; it is replaced. */
  @Test
  void aKilledReplicaIsReplacedAndOnlyItsInFlightRequestsFail() throws Exception {
    deploy("crashy", "{minScale: 2, maxScale: 2, target: 100}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> readyReplicaPids("crashy").size() == 2 && platform.ready("crashy") == 2);

    long failedAtReplacement;
    long failedAtEnd;
    try (SteadyLoad load =
        new SteadyLoad(platform, platform.functionUri("crashy", "/?sleepMs=40"), CLIENTS)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok() > 20);

      long victim = readyReplicaPids("crashy").get(0);
      ProcessHandle.of(victim).orElseThrow().destroyForcibly();
      await("the killed replica is replaced")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                List<Long> now = readyReplicaPids("crashy");
                return now.size() == 2 && !now.contains(victim);
              });
      failedAtReplacement = load.failed();
      long okAtReplacement = load.ok();
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok() > okAtReplacement + 40);
      failedAtEnd = load.failed();
    }

    assertThat(failedAtEnd)
        .as("only requests in flight on the killed replica may fail (at most one per client)")
        .isLessThanOrEqualTo(CLIENTS);
    assertThat(failedAtEnd).as("no failure after the replacement").isEqualTo(failedAtReplacement);
  }
}
