package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.stats.FunctionLoad;

/**
 * What a decision starts from: the replicas a function has and the load seen on it, summed over
 * every router and activator instance.
 *
 * @param currentDesired replicas wanted now (the last decision, or what the backend restored)
 * @param readyReplicas replicas that answer requests now
 * @param averageConcurrency time-weighted average of requests in flight over the last window
 * @param inFlight requests being proxied at the end of the window
 * @param queued requests waiting in the activator for a replica
 * @param requests requests that arrived during the window
 */
public record ScaleInputs(
    int currentDesired,
    int readyReplicas,
    double averageConcurrency,
    int inFlight,
    int queued,
    long requests) {

  public ScaleInputs {
    if (currentDesired < 0 || readyReplicas < 0 || inFlight < 0 || queued < 0 || requests < 0) {
      throw new IllegalArgumentException("scale inputs must not be negative: " + this);
    }
    if (averageConcurrency < 0 || Double.isNaN(averageConcurrency)) {
      throw new IllegalArgumentException("averageConcurrency must be >= 0: " + averageConcurrency);
    }
  }

  public static ScaleInputs of(int currentDesired, int readyReplicas, FunctionLoad load) {
    return new ScaleInputs(
        currentDesired,
        readyReplicas,
        load.averageConcurrency(),
        load.inFlight(),
        load.queued(),
        load.requests());
  }

  /** A function with no load at all. */
  public static ScaleInputs idle(int currentDesired, int readyReplicas) {
    return new ScaleInputs(currentDesired, readyReplicas, 0, 0, 0, 0);
  }

  /** True when anything was seen: a request, one in flight, or one waiting. */
  public boolean active() {
    return averageConcurrency > 0 || inFlight > 0 || queued > 0 || requests > 0;
  }
}
