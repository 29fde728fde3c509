package io.zeroscale.autoscaler.kafka;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;

/**
 * What the lag reader knows about one Kafka-triggered function: its trigger, the read under way (at
 * most one), the topics' partitions while fresh, the last successful reading, since when reads
 * fail, and the trigger's status. Reads complete on Kafka's threads and the loop reads the result
 * on its own, so every method is synchronized (each is a few field updates).
 */
final class FollowedTrigger {

  final FunctionKey key;
  final KafkaTriggerSpec trigger;
  final KafkaMetrics metrics;
  final AtomicBoolean reading = new AtomicBoolean();

  private OffsetsRead.Topology topology;
  private Instant topologyAt;
  private Map<TopicPartition, Long> positions;
  private long deadLetterEnd = -1;
  private long committedTotal;
  private LagReading latest = LagReading.NONE;
  private Instant failingSince;
  private TriggerStatus status;

  FollowedTrigger(FunctionKey key, KafkaTriggerSpec trigger, KafkaMetrics metrics) {
    this.key = key;
    this.trigger = trigger;
    this.metrics = metrics;
  }

  /** The partitions described less than {@code maxAge} ago, or null. */
  synchronized OffsetsRead.Topology topology(Instant now, Duration maxAge) {
    if (topology == null || Duration.between(topologyAt, now).compareTo(maxAge) >= 0) {
      return null;
    }
    // A dead-letter topic not there yet is looked for at every read: the replica creates it at
    // start-up, and its first records must count from zero, not after the partition lists age.
    if (topology.deadLetterPartitions().isEmpty()) {
      return null;
    }
    return topology;
  }

  synchronized void described(OffsetsRead.Topology value, Instant now) {
    topology = value;
    topologyAt = now;
  }

  /** Records a successful read; returns the trigger's status if it changed, else null. */
  synchronized TriggerStatus succeeded(Offsets offsets, Instant now) {
    long committedSince = positions == null ? 0 : offsets.committedSince(positions);
    positions = offsets.positions();
    committedTotal += committedSince;
    long deadLettered =
        deadLetterEnd < 0 ? 0 : Math.max(0, offsets.deadLetterEnd() - deadLetterEnd);
    deadLetterEnd = offsets.deadLetterEnd();
    latest = new LagReading(offsets.lag(), offsets.partitions(), committedTotal, now);
    failingSince = null;
    metrics.read(latest.lag(), latest.partitions(), committedSince, deadLettered);
    return changeStatus(
        TriggerStatus.ready(
            "consumer group '"
                + trigger.consumerGroup()
                + "' on topics "
                + trigger.topics()
                + " ("
                + offsets.partitions()
                + (offsets.partitions() == 1 ? " partition" : " partitions")
                + ") at "
                + trigger.bootstrapServers()));
  }

  /** Records a failed read; returns the trigger's status if it changed, else null. */
  synchronized TriggerStatus failed(TriggerStatus problem, Instant now) {
    topology = null; // a topic created or grown since is found at the next read
    if (failingSince == null) {
      failingSince = now;
    }
    metrics.failed();
    return changeStatus(problem);
  }

  /**
   * The last successful reading; while reads fail it counts for up to {@code staleLimit} after the
   * first failure, then its lag is read as 0.
   */
  synchronized LagReading reading(Instant now, Duration staleLimit) {
    if (failingSince != null && Duration.between(failingSince, now).compareTo(staleLimit) > 0) {
      return latest.expired();
    }
    return latest;
  }

  synchronized TriggerStatus status() {
    return status;
  }

  private TriggerStatus changeStatus(TriggerStatus next) {
    if (next.equals(status)) {
      return null;
    }
    status = next;
    return next;
  }
}
