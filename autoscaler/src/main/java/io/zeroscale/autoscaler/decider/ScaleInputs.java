package io.zeroscale.autoscaler.decider;

import java.time.Duration;
import java.util.Objects;

/**
 * What one decision starts from, as plain values: the replicas a function has, its concurrency
 * averaged over the stable and panic windows (summed over every router and activator), what is in
 * flight and queued right now, how long a replica took to start lately, and for a Kafka-triggered
 * function its consumer group's lag and the partitions of its topics. The lag is turned into
 * replicas on its own and combined with the concurrency signals by taking the larger.
 *
 * @param currentDesired replicas wanted now (the last decision, or what the backend restored)
 * @param readyReplicas replicas that answer requests now
 * @param stableConcurrency time-weighted average concurrency (in flight + queued) over the stable
 *     window
 * @param panicConcurrency the same over the panic window
 * @param inFlight requests being served by replicas at the end of the latest sample
 * @param queued requests waiting in the activator now
 * @param active true when the latest sample saw any request (arrived, in flight or waiting)
 * @param coldStart how long replicas took lately from being asked for to being ready, as the
 *     autoscaler measured it; {@link Duration#ZERO} until it has measured one
 * @param lag records of the function's Kafka topics its consumer group has not committed yet
 *     (summed over partitions), 0 without a Kafka trigger or while the lag is unknown
 * @param partitions partitions of the function's Kafka topics, 0 when none or unknown
 */
public record ScaleInputs(
    int currentDesired,
    int readyReplicas,
    double stableConcurrency,
    double panicConcurrency,
    int inFlight,
    int queued,
    boolean active,
    Duration coldStart,
    long lag,
    int partitions) {

  public ScaleInputs {
    Objects.requireNonNull(coldStart, "coldStart");
    if (currentDesired < 0
        || readyReplicas < 0
        || inFlight < 0
        || queued < 0
        || lag < 0
        || partitions < 0) {
      throw new IllegalArgumentException("scale inputs must not be negative: " + this);
    }
    if (!(stableConcurrency >= 0) || !(panicConcurrency >= 0)) {
      throw new IllegalArgumentException("average concurrency must be >= 0: " + this);
    }
  }

  /** Inputs of a function without a Kafka trigger (no lag, no partitions). */
  public ScaleInputs(
      int currentDesired,
      int readyReplicas,
      double stableConcurrency,
      double panicConcurrency,
      int inFlight,
      int queued,
      boolean active,
      Duration coldStart) {
    this(
        currentDesired,
        readyReplicas,
        stableConcurrency,
        panicConcurrency,
        inFlight,
        queued,
        active,
        coldStart,
        0,
        0);
  }

  /** Requests that exist right now: served and waiting. */
  public int backlog() {
    return inFlight + queued;
  }
}
