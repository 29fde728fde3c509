package io.zeroscale.loadtest.scenario.kafka;

import java.util.List;

/**
 * Records per second from a consumer group's committed-offset samples: the progress between the
 * first sample above zero and the first sample that reaches the total, over the time between those
 * two samples. Group start-up (joining, the first fetch) is outside the window; rebalances while
 * consuming are inside it. Pure: the samples carry their own times.
 *
 * @param recordsPerSecond null when the window is empty (the total was reached by the first sample
 *     above zero: too fast for the sampling period) or the total was never reached
 * @param fromSeconds time of the first sample above zero, or -1
 * @param toSeconds time of the first sample at the total, or -1
 */
public record ProgressRate(Double recordsPerSecond, double fromSeconds, double toSeconds) {

  /** One sample: {@code committed} offsets summed over the topic's partitions at a time. */
  public record Point(double atSeconds, long committed) {}

  public static ProgressRate of(List<Point> samples, long total) {
    Point first = null;
    for (Point p : samples) {
      if (first == null && p.committed() > 0) {
        first = p;
      }
      if (p.committed() >= total) {
        if (first == null || p.atSeconds() <= first.atSeconds()) {
          return new ProgressRate(null, p.atSeconds(), p.atSeconds());
        }
        double rate = (p.committed() - first.committed()) / (p.atSeconds() - first.atSeconds());
        return new ProgressRate(rate, first.atSeconds(), p.atSeconds());
      }
    }
    return new ProgressRate(null, first == null ? -1 : first.atSeconds(), -1);
  }
}
