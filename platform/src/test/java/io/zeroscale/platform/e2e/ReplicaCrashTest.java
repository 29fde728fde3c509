package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
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

    long failedAtReplacement;
    long failedAtEnd;
    try (SteadyLoad load =
        new SteadyLoad(platform, platform.functionUri("crashy", "/?sleepMs=40"), CLIENTS)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok() > 20);

      long victim = platform.pids("crashy").get(0);
      ProcessHandle.of(victim).orElseThrow().destroyForcibly();
      await("the killed replica is replaced")
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                List<Long> now = platform.pids("crashy");
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
