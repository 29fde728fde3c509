package io.zeroscale.autoscaler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The comparison mode's KPA follows the formulas of PEERS.md. */
class KpaReimplementationTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final KpaReimplementation kpa = new KpaReimplementation();
  private final ScalingPolicy policy =
      ScalingPolicy.resolve(new ScalingSpec(0, 100, 10, 0, "30s"), ScalingDefaults.defaults());

  private Decision decide(int desired, int ready, double cs, double cp, DeciderState s, Instant t) {
    return kpa.decide(
        policy, new ScaleInputs(desired, ready, cs, cp, 0, 0, cs > 0, Duration.ZERO), s, t);
  }

  @Test
  void stableCountIsTheStableAverageOverTargetTimesUtilization() {
    Decision d = decide(5, 5, 35.5, 35.5, DeciderState.firstSeen(T0), T0);
    assertThat(d.desired()).as(d.reason()).isEqualTo(6);
    assertThat(d.mode()).isEqualTo(Mode.STABLE);
  }

  @Test
  void panicsAtTwiceTheReadyReplicasAndHoldsItsHighestCount() {
    Decision panic = decide(2, 2, 10, 28, DeciderState.firstSeen(T0), T0);
    assertThat(panic.mode()).isEqualTo(Mode.PANIC);
    assertThat(panic.desired()).isEqualTo(4);
    Decision later = decide(4, 4, 10, 7, panic.state(), T0.plusSeconds(30));
    assertThat(later.desired()).isEqualTo(4);
    Decision calm = decide(4, 4, 10, 7, later.state(), T0.plusSeconds(61));
    assertThat(calm.mode()).isEqualTo(Mode.STABLE);
    assertThat(calm.desired()).isEqualTo(2);
  }

  @Test
  void goesToZeroOnlyAGracePeriodAfterTheStableWindowSawNothing() {
    Decision first = decide(1, 1, 0, 0, DeciderState.firstSeen(T0), T0);
    assertThat(first.desired()).as("inactive, waiting out the grace period").isEqualTo(1);
    Decision within = decide(1, 1, 0, 0, first.state(), T0.plusSeconds(28));
    assertThat(within.desired()).isEqualTo(1);
    Decision after = decide(1, 1, 0, 0, within.state(), T0.plusSeconds(30));
    assertThat(after.desired()).isZero();
  }

  @Test
  void wakesWithOneReplicaWhateverIsQueued() {
    Decision d =
        kpa.decide(
            policy,
            new ScaleInputs(0, 0, 0, 0, 0, 200, true, Duration.ZERO),
            DeciderState.firstSeen(T0),
            T0);
    assertThat(d.desired()).isEqualTo(1);
  }
}
