package io.zeroscale.autoscaler.decider;

import java.time.Duration;
import java.time.Instant;

/**
 * Panic mode, as Knative's KPA runs it: it starts at a decision whose panic window asks for at
 * least {@code panicThreshold} times the ready replicas, is extended by every decision still over
 * the threshold, and ends only once a whole stable window has passed without one. While it lasts
 * the count never goes down: {@link #highest} is the largest count chosen in this panic.
 *
 * @param lastOver the last decision over the threshold, null when not panicking
 * @param highest the largest count chosen during this panic, 0 when not panicking
 */
public record PanicState(Instant lastOver, int highest) {

  public static final PanicState CALM = new PanicState(null, 0);

  public boolean panicking() {
    return lastOver != null;
  }

  /** The state after a decision at {@code now} that was (or was not) over the threshold. */
  public PanicState next(boolean overThreshold, Instant now, Duration stableWindow) {
    if (overThreshold) {
      return new PanicState(now, highest);
    }
    if (panicking() && lastOver.plus(stableWindow).isBefore(now)) {
      return CALM;
    }
    return this;
  }

  /** Remembers a count chosen during this panic. */
  public PanicState chose(int count) {
    return panicking() ? new PanicState(lastOver, Math.max(highest, count)) : this;
  }
}
