package io.zeroscale.autoscaler.kafka;

import java.time.Instant;

/**
 * What the autoscaler knows of one Kafka-triggered function's consumer group at a moment.
 *
 * @param lag records not committed yet, summed over every partition of the function's topics (for a
 *     partition the group never committed: every record it holds)
 * @param partitions partitions of the function's topics, 0 when unknown
 * @param recordsCommitted records the group committed since the autoscaler started following the
 *     function (committed-offset growth): grows while replicas process records
 * @param readAt when the reading was taken, null for {@link #NONE}
 */
public record LagReading(long lag, int partitions, long recordsCommitted, Instant readAt) {

  /** No reading yet, or one too old to trust: no lag, partitions unknown. */
  public static final LagReading NONE = new LagReading(0, 0, 0, null);

  /** The same reading with its lag no longer trusted (counted as 0). */
  LagReading expired() {
    return new LagReading(0, partitions, recordsCommitted, readAt);
  }
}
