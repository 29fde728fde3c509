package io.zeroscale.autoscaler.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One read of a consumer group's offsets on its topics, and the lag that follows from it (pure).
 *
 * @param latest log-end offset of every partition of the topics
 * @param earliest first offset still held, for the partitions the group never committed
 * @param committed the group's committed offsets (partitions it never committed are absent)
 * @param deadLetterEnd sum of the dead-letter topic's log-end offsets, 0 while it does not exist
 */
record Offsets(
    Map<TopicPartition, Long> latest,
    Map<TopicPartition, Long> earliest,
    Map<TopicPartition, Long> committed,
    long deadLetterEnd) {

  Offsets {
    latest = Map.copyOf(latest);
    earliest = Map.copyOf(earliest);
    committed = Map.copyOf(committed);
  }

  /**
   * Where the group stands on each partition: its committed offset, or the earliest offset when it
   * never committed (the runtime reads from the earliest record, {@code
   * auto.offset.reset=earliest}).
   */
  Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (TopicPartition p : latest.keySet()) {
      Long position = committed.get(p);
      positions.put(p, position != null ? position : earliest.getOrDefault(p, 0L));
    }
    return positions;
  }

  /** Log-end minus position, summed over partitions; a position past the end counts as 0. */
  long lag() {
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> e : positions().entrySet()) {
      sum += Math.max(0, latest.get(e.getKey()) - e.getValue());
    }
    return sum;
  }

  int partitions() {
    return latest.size();
  }

  /**
   * Records committed between {@code before} (positions of an earlier read) and this read, over the
   * partitions both know; a position that went back (offsets reset) counts as 0.
   */
  long committedSince(Map<TopicPartition, Long> before) {
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> e : positions().entrySet()) {
      Long earlier = before.get(e.getKey());
      if (earlier != null) {
        sum += Math.max(0, e.getValue() - earlier);
      }
    }
    return sum;
  }
}
