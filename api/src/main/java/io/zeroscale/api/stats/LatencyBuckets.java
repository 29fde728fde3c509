package io.zeroscale.api.stats;

import java.time.Duration;

/**
 * Histogram bucket boundaries shared by every zeroscale latency metric, so dashboards line up
 * across components. A dozen fixed buckets instead of Micrometer's ~70 percentile-histogram
 * buckets: a platform exports these per function, and at hundreds of functions the scrape size and
 * memory matter more than sub-bucket precision.
 */
public final class LatencyBuckets {

  /** Request latency through the data path: 1 ms to 60 s. */
  public static final Duration[] REQUEST = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  /** Cold starts and replica start-ups: 10 ms to 60 s. */
  public static final Duration[] START = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofMillis(750),
    Duration.ofSeconds(1),
    Duration.ofMillis(1500),
    Duration.ofSeconds(2),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private LatencyBuckets() {}
}
