package io.zeroscale.autoscaler.decider;

/**
 * The replicas each demand signal asks for, before rate bounds, panic and holds.
 *
 * <ul>
 *   <li>{@code stableReplicas = ceil(stableConcurrency / averagedTarget)} and {@code panicReplicas}
 *       alike from the panic window: averages are sized with the utilization's headroom;
 *   <li>{@code backlogReplicas = ceil((inFlight + queued) / capacityTarget)}: requests that exist
 *       now are sized at full target, so a burst the averages have not caught up with yet (a full
 *       function, a queue at zero) is answered at once, while a steady load's snapshot rarely
 *       outgrows its average.
 *   <li>{@code lagReplicas}: a Kafka-triggered function's consumer lag, see {@link
 *       LagPolicy#replicas}. It joins what both modes ask for, but not the panic test: the lag is a
 *       count of records waiting now, not an average that lags behind a burst, so sizing from it
 *       already answers a burst at the next decision, and panic's "never down" would only keep
 *       replicas after the backlog is worked off. What joins is {@code heldLagReplicas}, the
 *       highest lag count of the last {@link LagPolicy#scaleDownHold}.
 * </ul>
 *
 * Any request activity asks for at least one replica.
 */
record Demand(
    int stableReplicas,
    int panicReplicas,
    int backlogReplicas,
    int lagReplicas,
    int heldLagReplicas) {

  static Demand of(ScalingPolicy policy, ScaleInputs in) {
    double perReplica = policy.averagedTarget();
    int lag = policy.lag().replicas(in.lag(), in.partitions(), in.currentDesired());
    int backlog = ceil(in.backlog() / (double) policy.capacityTarget());
    if (in.active()) {
      backlog = Math.max(1, backlog);
    }
    return new Demand(
        ceil(in.stableConcurrency() / perReplica),
        ceil(in.panicConcurrency() / perReplica),
        backlog,
        lag,
        lag);
  }

  /** The same demand with the lag's count held at {@code held} (at least the current count). */
  Demand holdingLag(int held) {
    return new Demand(
        stableReplicas, panicReplicas, backlogReplicas, lagReplicas, Math.max(lagReplicas, held));
  }

  /** Lag that asks for replicas counts as activity, like a request. */
  boolean lagActive() {
    return lagReplicas > 0;
  }

  /** What stable mode asks for: the stable window, the backlog or the lag, whichever is largest. */
  int stable() {
    return Math.max(Math.max(stableReplicas, backlogReplicas), heldLagReplicas);
  }

  /**
   * What the panic window asks for, compared with the panic threshold; panic mode asks for the
   * larger of this and {@link #stable()}.
   */
  int panic() {
    return Math.max(panicReplicas, backlogReplicas);
  }

  /**
   * {@code ceil} that ignores floating-point dust ({@code 35.000000001 / 7} is 5 replicas, not 6).
   */
  static int ceil(double value) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(value - 1e-9));
  }
}
