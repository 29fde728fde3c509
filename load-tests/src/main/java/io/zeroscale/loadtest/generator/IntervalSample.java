package io.zeroscale.loadtest.generator;

/**
 * One progress interval of a run (about a second).
 *
 * @param atSeconds end of the interval, seconds since the run started
 * @param clients concurrent clients at that time (closed loop), 0 for open loop
 * @param throughput responses per second in the interval
 */
public record IntervalSample(
    double atSeconds,
    int clients,
    double throughput,
    double p50,
    double p99,
    double max,
    long errors) {}
