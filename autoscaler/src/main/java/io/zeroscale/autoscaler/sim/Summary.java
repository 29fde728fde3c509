package io.zeroscale.autoscaler.sim;

/**
 * What one replay cost and how users fared.
 *
 * @param queuedRequestSeconds the queue length integrated over time: total time requests waited
 * @param maxQueue the longest the queue got
 * @param replicaSeconds replicas (starting, ready or draining) integrated over time: what was paid
 * @param directionChanges how often the desired count turned from going up to going down or back
 * @param firstReadySeconds from the first request to the first ready replica
 * @param dropped requests refused (queue full) or given up after the longest wait
 * @param served requests that reached a replica
 * @param panicEntries times the decider entered panic mode
 */
public record Summary(
    double queuedRequestSeconds,
    int maxQueue,
    double replicaSeconds,
    int directionChanges,
    double firstReadySeconds,
    long dropped,
    long served,
    int panicEntries) {}
