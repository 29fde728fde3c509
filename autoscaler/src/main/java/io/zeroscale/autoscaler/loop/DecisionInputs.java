package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import io.zeroscale.autoscaler.kafka.LagReading;
import java.time.Instant;

/** Builds the decider's inputs from what the loop measured for one function. */
final class DecisionInputs {

  private DecisionInputs() {}

  /**
   * Averages over the function's windows, the load's snapshot, and the Kafka lag. A function at
   * zero with no load has its window cleared, so that it wakes with a fresh history. Records the
   * consumer group committed since the previous decision count as activity like requests do, so a
   * trickle of records handled faster than the tick (lag 0 whenever it is read) keeps its replica.
   */
  static ScaleInputs of(
      TrackedFunction tracked,
      ScalingPolicy policy,
      Orchestrator.Scale scale,
      FunctionLoad load,
      LagReading lag,
      Instant now) {
    // The count starts again from 0 when the trigger changes: any other value is new commits.
    boolean processed =
        lag.recordsCommitted() > 0 && lag.recordsCommitted() != tracked.lastCommitted;
    tracked.lastCommitted = lag.recordsCommitted();
    boolean active = load.active() || processed;
    if (scale.desired() == 0 && scale.ready() == 0 && !active) {
      tracked.window.clear();
    }
    tracked.window.trim(now, policy.stableWindow());
    return new ScaleInputs(
        scale.desired(),
        scale.ready(),
        tracked.window.average(now, policy.stableWindow()),
        tracked.window.average(now, policy.panicWindow()),
        load.inFlight(),
        load.queued(),
        active,
        tracked.coldStart.estimate(),
        lag.lag(),
        lag.partitions());
  }
}
