package io.zeroscale.autoscaler.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * Measures how long a function's replicas take to start, from what the autoscaler itself sees: the
 * time from a decision that raised the desired count above the ready count to the first observation
 * with more ready replicas. The estimate is an exponentially weighted average (half the weight on
 * the newest sample), so one slow start under contention moves it without ruling it. Observations
 * happen at decisions (ticks and pokes), so a sample is at most a tick late: the estimate errs
 * long, which is the safe side for a hold.
 *
 * <p>Not thread-safe: one owner (the scaling loop's thread, or the simulator).
 */
public final class ColdStartTracker {

  private static final double WEIGHT_OF_NEWEST = 0.5;

  private Instant pendingSince;
  private int readyAtStart;
  private int lastDesired;
  private Duration estimate = Duration.ZERO;
  private int samples;

  /** Observes the desired and ready replicas at {@code now} (call after each decision). */
  public void observe(Instant now, int desired, int ready) {
    if (pendingSince != null && ready > readyAtStart) {
      sample(Duration.between(pendingSince, now));
      pendingSince = null;
    }
    if (desired <= ready) {
      pendingSince = null;
    } else if (pendingSince == null && desired > lastDesired) {
      pendingSince = now;
      readyAtStart = ready;
    }
    lastDesired = desired;
  }

  private void sample(Duration took) {
    if (took.isNegative()) {
      return;
    }
    samples++;
    if (samples == 1) {
      estimate = took;
    } else {
      long nanos =
          Math.round(
              estimate.toNanos() * (1 - WEIGHT_OF_NEWEST) + took.toNanos() * WEIGHT_OF_NEWEST);
      estimate = Duration.ofNanos(nanos);
    }
  }

  /** The current estimate, {@link Duration#ZERO} until a start was measured. */
  public Duration estimate() {
    return estimate;
  }

  /** How many starts were measured. */
  public int samples() {
    return samples;
  }
}
