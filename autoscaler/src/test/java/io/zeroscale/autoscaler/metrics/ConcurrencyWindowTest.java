package io.zeroscale.autoscaler.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConcurrencyWindowTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TICK = Duration.ofSeconds(2);

  @Test
  void averagesTimeWeightedOverTheWindow() {
    ConcurrencyWindow w = new ConcurrencyWindow();
    for (int i = 1; i <= 30; i++) {
      w.record(T0.plusSeconds(2L * i), TICK, i <= 27 ? 10 : 40);
    }
    Instant now = T0.plusSeconds(60);
    assertThat(w.average(now, Duration.ofSeconds(60))).isCloseTo(13.0, within(1e-9));
    assertThat(w.average(now, Duration.ofSeconds(6)))
        .as("panic window")
        .isCloseTo(40, within(1e-9));
  }

  @Test
  void aPartlyFilledWindowAveragesWhatItHasInsteadOfReadingZeros() {
    ConcurrencyWindow w = new ConcurrencyWindow();
    w.record(T0.plusSeconds(2), TICK, 50);
    w.record(T0.plusSeconds(4), TICK, 30);
    assertThat(w.average(T0.plusSeconds(4), Duration.ofSeconds(60))).isCloseTo(40, within(1e-9));
  }

  @Test
  void samplesOfUnequalSpansWeighByTheirLength() {
    ConcurrencyWindow w = new ConcurrencyWindow();
    w.record(T0.plusSeconds(3), Duration.ofSeconds(3), 10);
    w.record(T0.plusSeconds(4), Duration.ofSeconds(1), 50);
    assertThat(w.average(T0.plusSeconds(4), Duration.ofSeconds(60))).isCloseTo(20, within(1e-9));
  }

  @Test
  void aSampleHalfOutsideTheWindowCountsWithItsInsidePart() {
    ConcurrencyWindow w = new ConcurrencyWindow();
    w.record(T0.plusSeconds(10), Duration.ofSeconds(10), 10);
    w.record(T0.plusSeconds(12), TICK, 40);
    // window [6, 12]: 4 s of 10 and 2 s of 40
    assertThat(w.average(T0.plusSeconds(12), Duration.ofSeconds(6))).isCloseTo(20, within(1e-9));
  }

  @Test
  void trimAndClearForgetSamples() {
    ConcurrencyWindow w = new ConcurrencyWindow();
    w.record(T0.plusSeconds(2), TICK, 10);
    w.record(T0.plusSeconds(100), TICK, 20);
    w.trim(T0.plusSeconds(100), Duration.ofSeconds(60));
    assertThat(w.average(T0.plusSeconds(100), Duration.ofHours(1))).isCloseTo(20, within(1e-9));
    w.clear();
    assertThat(w.isEmpty()).isTrue();
    assertThat(w.average(T0.plusSeconds(100), Duration.ofSeconds(60))).isZero();
  }
}
