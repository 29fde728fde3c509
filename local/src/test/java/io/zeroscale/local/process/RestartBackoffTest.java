package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The restart pause alone; the crash loop itself is tested with real processes. */
class RestartBackoffTest {

  @Test
  void restartPauseDoublesUpToTheCap() {
    Duration first = Duration.ofMillis(100);
    Duration max = Duration.ofMillis(400);
    assertThat(List.of(1, 2, 3, 4, 40))
        .map(n -> RestartBackoff.pauseAfter(n, first, max))
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(400),
            Duration.ofMillis(400));
  }
}
