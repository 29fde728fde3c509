package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas drained and stopped while a steady stream runs: every request gets 200. The replicas
 * that stop are marked terminating first, finish their in-flight requests, then get SIGTERM.
 */
@QuarkusTest
class ScaleDownUnderLoadTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("steady");
  }

  @Test
  void scaleDownUnderASteadyStreamLosesNothing() throws Exception {
    platform.deploy("steady", "{minScale: 3, maxScale: 3, target: 100}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("steady") == 3);

    List<Integer> statuses;
    try (SteadyLoad load =
        new SteadyLoad(platform, platform.functionUri("steady", "/?sleepMs=30"), 3)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> load.answered() > 30);
      // Lowering minScale changes no replica's workload: nothing restarts, the autoscaler scales
      // in.
      platform.deploy(
          "steady", "{minScale: 0, maxScale: 3, target: 100, scaleToZeroGracePeriod: 60s}");
      await("the autoscaler drains and stops the replicas the load does not need")
          .atMost(Duration.ofSeconds(60))
          .until(() -> platform.ready("steady") == 1 && platform.desired("steady") == 1);
      int atScaleDown = load.answered();
      await().atMost(Duration.ofSeconds(10)).until(() -> load.answered() > atScaleDown + 30);
      statuses = load.snapshot();
    }

    assertThat(statuses).isNotEmpty().allMatch(s -> s == 200, "every status is 200");
  }
}
