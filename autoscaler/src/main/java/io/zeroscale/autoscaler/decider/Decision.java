package io.zeroscale.autoscaler.decider;

/**
 * A decider's answer.
 *
 * @param desired replicas the function should have
 * @param reason why, in words an operator reads in a log line ({@code "concurrency 23.0 + queued 0
 *     / target 10 -> 3"})
 * @param state what to pass into the next decision about this function
 */
public record Decision(int desired, String reason, ActivityState state) {

  /** True when applying this decision changes the replica count. */
  public boolean changes(int currentDesired) {
    return desired != currentDesired;
  }
}
