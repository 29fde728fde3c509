package io.zeroscale.autoscaler.decider;

import java.time.Instant;
import java.util.Objects;

/**
 * What a decider remembers between two decisions about one function, handed back with each {@link
 * Decision} and passed into the next call (the decider itself keeps nothing).
 *
 * @param lastActive when load was last seen; a function first seen counts as active at that moment,
 *     so one restored at some scale gets a full grace period before it goes to zero
 */
public record ActivityState(Instant lastActive) {

  public ActivityState {
    Objects.requireNonNull(lastActive, "lastActive");
  }

  /** The state of a function seen for the first time at {@code now}. */
  public static ActivityState firstSeen(Instant now) {
    return new ActivityState(now);
  }
}
