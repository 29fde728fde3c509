package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIGKILL of a replica under load: only its in-flight requests may fail; it is replaced. */
@QuarkusTest
class ReplicaCrashTest {

  private static final int CLIENTS = 4;
  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("crashy");
  }

  @Test
  void aKilledReplicaIsReplacedAndOnlyItsInFlightRequestsFail() throws Exception {
    platform.deploy("crashy", "{minScale: 2, maxScale: 2, target: 100}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("crashy") == 2);
    URI uri = platform.functionUri("crashy", "/?sleepMs=40");

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (running.get()) {
              try {
                HttpResponse<String> r =
                    platform.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build());
                (r.statusCode() == 200 ? ok : failed).incrementAndGet();
              } catch (Exception e) {
                failed.incrementAndGet();
              }
            }
            return null;
          });
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> ok.get() > 20);

    List<Long> before = platform.pids("crashy");
    long victim = before.get(0);
    ProcessHandle.of(victim).orElseThrow().destroyForcibly();
    await("the killed replica is replaced")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<Long> now = platform.pids("crashy");
              return now.size() == 2 && !now.contains(victim);
            });
    int failedAtReplacement = failed.get();
    int okAtReplacement = ok.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> ok.get() > okAtReplacement + 40);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(failed.get())
        .as("only requests in flight on the killed replica may fail (at most one per client)")
        .isLessThanOrEqualTo(CLIENTS);
    assertThat(failed.get()).as("no failure after the replacement").isEqualTo(failedAtReplacement);
  }
}
