package io.zeroscale.autoscaler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ColdStartTrackerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void measuresFromTheScaleUpToTheFirstNewReadyReplica() {
    ColdStartTracker t = new ColdStartTracker();
    assertThat(t.estimate()).as("nothing measured yet").isZero();
    t.observe(T0, 3, 0);
    t.observe(T0.plusSeconds(2), 3, 0);
    t.observe(T0.plusSeconds(4), 3, 1);
    assertThat(t.estimate()).isEqualTo(Duration.ofSeconds(4));
    assertThat(t.samples()).isEqualTo(1);
    t.observe(T0.plusSeconds(6), 3, 3);
    assertThat(t.samples()).as("the rest of that batch is not a new start").isEqualTo(1);
  }

  @Test
  void laterStartsMoveTheEstimateHalfWay() {
    ColdStartTracker t = new ColdStartTracker();
    t.observe(T0, 1, 0);
    t.observe(T0.plusSeconds(4), 1, 1);
    t.observe(T0.plusSeconds(10), 2, 1);
    t.observe(T0.plusSeconds(12), 2, 2);
    assertThat(t.estimate()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aScaleDownBeforeTheReplicaIsReadyMeasuresNothing() {
    ColdStartTracker t = new ColdStartTracker();
    t.observe(T0, 2, 1);
    t.observe(T0.plusSeconds(2), 1, 1);
    t.observe(T0.plusSeconds(4), 1, 2);
    assertThat(t.samples()).isZero();
  }
}
