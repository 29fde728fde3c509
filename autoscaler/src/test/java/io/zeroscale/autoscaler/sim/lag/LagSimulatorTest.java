package io.zeroscale.autoscaler.sim.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the shipped lag traces (autoscaler/traces/kafka) through zeroscale's decider and the KEDA
 * re-implementation and checks how each behaves.
 */
class LagSimulatorTest {

  private static final Map<String, LagSummary> ZEROSCALE = new HashMap<>();
  private static final Map<String, LagSummary> KEDA = new HashMap<>();

  @BeforeAll
  static void replayEveryShippedTrace() throws Exception {
    for (LagTrace trace : LagTrace.readAll(Path.of("traces/kafka"))) {
      List<LagSummary> results = LagSimulation.compare(trace);
      ZEROSCALE.put(trace.name(), results.get(0));
      KEDA.put(trace.name(), results.get(1));
    }
  }

  @Test
  void everyRecordIsHandledAndEveryScalerEndsAtZero() {
    assertThat(ZEROSCALE).containsOnlyKeys("burst", "steady-noisy", "trickle");
    for (Map<String, LagSummary> results : List.of(ZEROSCALE, KEDA)) {
      results.forEach(
          (trace, s) -> {
            assertThat(s.unconsumed()).as(trace).isZero();
            assertThat(s.zeroAfter()).as(trace).isNotNegative();
          });
    }
  }

  @Test
  void aBurstAtZeroIsHandledAfterOneTickAndAColdStartNotAPollingInterval() {
    LagSummary ours = ZEROSCALE.get("burst");
    // tick (2 s) + cold start (2 s) + the group's first rebalance (3 s) at most
    assertThat(ours.firstRecordWait()).isLessThanOrEqualTo(7.0);
    assertThat(KEDA.get("burst").firstRecordWait()).isGreaterThan(ours.firstRecordWait());
    assertThat(ours.lagRecordSeconds()).isLessThan(KEDA.get("burst").lagRecordSeconds());
    assertThat(ours.replicaSeconds()).isLessThan(KEDA.get("burst").replicaSeconds());
  }

  @Test
  void aDrainedBacklogGoesToZeroAfterTheGracePeriodNotTheScaleDownHold() {
    assertThat(ZEROSCALE.get("burst").zeroAfter()).isBetween(30.0, 34.0);
  }

  @Test
  void aSteadyStreamDoesNotRebalanceOverAndOver() {
    LagSummary ours = ZEROSCALE.get("steady-noisy");
    assertThat(ours.rebalances())
        .as("up, up again, and the last replicas stopping: no cycle of down and up")
        .isLessThanOrEqualTo(6);
    assertThat(ours.lagRecordSeconds()).isLessThan(KEDA.get("steady-noisy").lagRecordSeconds());
  }

  @Test
  void aTrickleFasterThanTheTickKeepsItsReplicaBecauseCommitsCountAsActivity() {
    LagSummary ours = ZEROSCALE.get("trickle");
    assertThat(ours.rebalances()).as("one replica up, then down at the end").isEqualTo(2);
    assertThat(KEDA.get("trickle").rebalances())
        .as("KEDA sees lag 0 at its polls, goes to zero mid-stream and wakes again")
        .isGreaterThan(ours.rebalances());
  }
}
