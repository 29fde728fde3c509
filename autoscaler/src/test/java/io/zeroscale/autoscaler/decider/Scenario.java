package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.ScalingSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * Drives a decider through a sequence of decisions the way the loop does: the desired count of one
 * decision is the current count of the next, and the state is handed on. Ready replicas follow the
 * desired count at once unless a test sets them.
 */
final class Scenario {

  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  final Decider decider;
  ScalingPolicy policy;
  Instant now = T0;
  DeciderState state = DeciderState.firstSeen(T0);
  int desired;
  int ready;
  Duration coldStart = Duration.ZERO;
  long lag;
  int partitions;
  Decision last;

  Scenario(Decider decider, ScalingSpec spec) {
    this.decider = decider;
    this.policy = ScalingPolicy.resolve(spec, ScalingDefaults.defaults());
  }

  static ScalingSpec spec(int min, int max, int target) {
    return new ScalingSpec(min, max, target, 0, "30s");
  }

  Scenario at(int desiredNow, int readyNow) {
    this.desired = desiredNow;
    this.ready = readyNow;
    return this;
  }

  /** Scales on Kafka lag with these knobs. */
  Scenario lagPolicy(long threshold, long activation, boolean allowIdleConsumers) {
    this.policy = policy.withLag(new LagPolicy(true, threshold, activation, allowIdleConsumers));
    return this;
  }

  Scenario withLag(LagPolicy lagPolicy) {
    this.policy = policy.withLag(lagPolicy);
    return this;
  }

  /** The consumer lag and partitions of the following decisions. */
  Scenario lag(long records, int partitionCount) {
    this.lag = records;
    this.partitions = partitionCount;
    return this;
  }

  Scenario coldStart(Duration d) {
    this.coldStart = d;
    return this;
  }

  /** One decision with these averages and this snapshot; ready follows desired afterwards. */
  Decision decide(double stable, double panic, int inFlight, int queued) {
    boolean active = stable > 0 || panic > 0 || inFlight > 0 || queued > 0;
    ScaleInputs in =
        new ScaleInputs(
            desired, ready, stable, panic, inFlight, queued, active, coldStart, lag, partitions);
    last = decider.decide(policy, in, state, now);
    state = last.state();
    desired = last.desired();
    ready = desired;
    return last;
  }

  /** A decision with the same value in both windows and nothing in flight. */
  Decision steady(double concurrency) {
    return decide(concurrency, concurrency, (int) Math.round(concurrency), 0);
  }

  Decision idle() {
    return decide(0, 0, 0, 0);
  }

  Scenario after(Duration d) {
    now = now.plus(d);
    return this;
  }

  Scenario afterSeconds(long seconds) {
    return after(Duration.ofSeconds(seconds));
  }
}
