package io.zeroscale.autoscaler.sim.lag;

/**
 * What one lag replay cost and how records fared.
 *
 * @param lagRecordSeconds the lag integrated over time: total time records waited
 * @param maxLag the largest lag
 * @param replicaSeconds replicas (starting or running) integrated over time: what was paid
 * @param rebalances times the group's members changed (each stops every consumer for a while)
 * @param firstRecordWait from the first record produced to the first one handled
 * @param zeroAfter from the last record handled to the function back at zero, -1 if it never was
 * @param unconsumed records still not handled at the end
 */
public record LagSummary(
    double lagRecordSeconds,
    long maxLag,
    double replicaSeconds,
    int rebalances,
    double firstRecordWait,
    double zeroAfter,
    long unconsumed) {}
