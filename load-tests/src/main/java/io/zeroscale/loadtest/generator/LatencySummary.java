package io.zeroscale.loadtest.generator;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from a histogram recorded in nanoseconds. */
public record LatencySummary(
    long count, double mean, double p50, double p90, double p99, double p999, double max) {

  public static LatencySummary of(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        nanos.getTotalCount(),
        millis(nanos.getMean()),
        millis(nanos.getValueAtPercentile(50)),
        millis(nanos.getValueAtPercentile(90)),
        millis(nanos.getValueAtPercentile(99)),
        millis(nanos.getValueAtPercentile(99.9)),
        millis(nanos.getMaxValue()));
  }

  private static double millis(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
