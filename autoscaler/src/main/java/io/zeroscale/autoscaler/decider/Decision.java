package io.zeroscale.autoscaler.decider;

import java.util.Objects;

/**
 * A decider's answer.
 *
 * @param desired replicas the function should have
 * @param mode stable or panic
 * @param reason why, as key=value pairs an operator reads in a log line ({@code "stable=23.0
 *     panic=31.2 backlog=29 ... -> 4"})
 * @param state what to pass into the next decision about this function
 */
public record Decision(int desired, Mode mode, String reason, DeciderState state) {

  public Decision {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(state, "state");
    if (desired < 0) {
      throw new IllegalArgumentException("desired must be >= 0, was " + desired);
    }
  }

  /** True when applying this decision changes the replica count. */
  public boolean changes(int currentDesired) {
    return desired != currentDesired;
  }
}
