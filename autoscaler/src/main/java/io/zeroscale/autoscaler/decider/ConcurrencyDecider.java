package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.DurationText;
import io.zeroscale.api.function.ScalingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The first-cut decider: replicas follow concurrency, with scale to zero after a grace period.
 *
 * <ul>
 *   <li>Under load: {@code clamp(ceil(max(concurrency, inFlight + queued) / target), minScale,
 *       maxScale)}, and never below 1 while anything is in flight or waiting. The average already
 *       counts queued requests (the data path measures proxied + queued); the instantaneous backlog
 *       is a floor so that a burst at the end of a tick is not averaged away.
 *   <li>Waking from zero: the first step is sized by the queue, {@code ceil(queued / target)}, at
 *       least 1, so a burst that arrives at zero does not wait for one replica per tick.
 *   <li>Idle: down to 1 (or minScale) at once, and to minScale (0 by default) only once nothing was
 *       seen for {@code scaleToZeroGracePeriod}.
 * </ul>
 *
 * <p>There is no stable or panic window yet (Knative's KPA); those come with the full algorithm and
 * fit the same {@link Decider} shape.
 */
public final class ConcurrencyDecider implements Decider {

  @Override
  public Decision decide(ScalingSpec spec, ScaleInputs inputs, ActivityState state, Instant now) {
    ScalingSpec scaling = spec.withDefaults();
    int min = scaling.minScale();
    int max = scaling.maxScale();
    int target = scaling.target();
    if (inputs.active()) {
      ActivityState next = new ActivityState(now);
      if (inputs.currentDesired() == 0) {
        int wanted = Math.max(1, ceilDiv(inputs.queued(), target));
        int desired = clamp(wanted, Math.max(1, min), max);
        return new Decision(
            desired,
            "waking from zero: "
                + inputs.queued()
                + " queued / target "
                + target
                + bounds(wanted, desired),
            next);
      }
      int backlog = inputs.inFlight() + inputs.queued();
      double load = Math.max(inputs.averageConcurrency(), backlog);
      int wanted = (int) Math.min(Integer.MAX_VALUE, Math.ceil(load / target));
      int desired = clamp(wanted, Math.max(1, min), max);
      return new Decision(
          desired,
          String.format(
                  Locale.ROOT,
                  "max(concurrency %.1f, in flight %d + queued %d) / target %d",
                  inputs.averageConcurrency(),
                  inputs.inFlight(),
                  inputs.queued(),
                  target)
              + bounds(wanted, desired),
          next);
    }
    Duration idle = Duration.between(state.lastActive(), now);
    if (idle.isNegative()) {
      idle = Duration.ZERO;
    }
    Duration grace = scaling.gracePeriod();
    if (idle.compareTo(grace) >= 0) {
      int desired = clamp(min, min, max);
      return new Decision(
          desired,
          "idle for " + text(idle) + " >= scaleToZeroGracePeriod " + text(grace) + " -> " + desired,
          state);
    }
    // Idle but within the grace period: keep one replica warm (or what is there, if less).
    int desired = clamp(Math.min(inputs.currentDesired(), 1), min, max);
    return new Decision(
        desired,
        "idle for " + text(idle) + " < scaleToZeroGracePeriod " + text(grace) + " -> " + desired,
        state);
  }

  private static String bounds(int wanted, int desired) {
    if (wanted == desired) {
      return " -> " + desired;
    }
    return " = " + wanted + ", bounded by minScale/maxScale -> " + desired;
  }

  private static int ceilDiv(int value, int divisor) {
    return (value + divisor - 1) / divisor;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  /** Whole seconds read better in a log line than 30417ms; below a second, milliseconds. */
  private static String text(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) >= 0
        ? DurationText.format(Duration.ofSeconds(d.toSeconds()))
        : DurationText.format(d);
  }
}
