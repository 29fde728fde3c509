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
 * </ul>
 *
 * Any activity asks for at least one replica. A later signal (Kafka lag) adds its own count here,
 * combined with these by taking the larger.
 */
record Demand(int stableReplicas, int panicReplicas, int backlogReplicas) {

  static Demand of(ScalingPolicy policy, ScaleInputs in) {
    double perReplica = policy.averagedTarget();
    int backlog = ceil(in.backlog() / (double) policy.capacityTarget());
    if (in.active()) {
      backlog = Math.max(1, backlog);
    }
    return new Demand(
        ceil(in.stableConcurrency() / perReplica),
        ceil(in.panicConcurrency() / perReplica),
        backlog);
  }

  /** What stable mode asks for: the stable window or the backlog, whichever is larger. */
  int stable() {
    return Math.max(stableReplicas, backlogReplicas);
  }

  /** What panic mode asks for, and what is compared with the panic threshold. */
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
