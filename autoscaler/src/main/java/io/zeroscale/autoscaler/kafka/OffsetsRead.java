package io.zeroscale.autoscaler.kafka;

import io.zeroscale.api.function.KafkaTriggerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * One asynchronous read of a consumer group's offsets with the Kafka {@link Admin} client: the
 * partitions of the topics ({@code describeTopics}, reused from {@link Topology} while fresh),
 * their log-end and earliest offsets ({@code listOffsets}) and the group's committed offsets
 * ({@code listConsumerGroupOffsets}), plus the dead-letter topic's log-end offsets when it exists.
 * Every call carries the timeout, and the whole read is bounded by it again, so a read always
 * completes. Nothing here blocks the calling thread.
 */
final class OffsetsRead {

  /** The partitions of a function's topics and of its dead-letter topic, as described once. */
  record Topology(List<TopicPartition> partitions, List<TopicPartition> deadLetterPartitions) {}

  /** A topic could not be described; keeps the topic's name for the message. */
  static final class TopicFailure extends RuntimeException {
    final String topic;

    TopicFailure(String topic, Throwable cause) {
      super(cause);
      this.topic = topic;
    }
  }

  private final Admin admin;
  private final KafkaTriggerSpec trigger;
  private final int timeoutMs;

  OffsetsRead(Admin admin, KafkaTriggerSpec trigger, Duration timeout) {
    this.admin = admin;
    this.trigger = trigger;
    this.timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  /** The topics' partitions (and the dead-letter topic's, when it exists). */
  CompletableFuture<Topology> describe() {
    List<CompletableFuture<List<TopicPartition>>> topics = new ArrayList<>();
    for (String topic : trigger.topics()) {
      topics.add(partitionsOf(topic).exceptionally(e -> fail(new TopicFailure(topic, cause(e)))));
    }
    CompletableFuture<List<TopicPartition>> deadLetter =
        partitionsOf(trigger.deadLetterTopic()).exceptionally(e -> List.of());
    return CompletableFuture.allOf(topics.toArray(CompletableFuture[]::new))
        .thenCombine(
            deadLetter,
            (ignored, dlq) -> {
              List<TopicPartition> all = new ArrayList<>();
              topics.forEach(t -> all.addAll(t.join()));
              return new Topology(List.copyOf(all), dlq);
            })
        .orTimeout(2L * timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Latest, earliest and committed offsets of the described partitions. */
  CompletableFuture<Offsets> offsets(Topology topology) {
    CompletableFuture<Map<TopicPartition, Long>> latest =
        listOffsets(topology.partitions(), OffsetSpec.latest());
    CompletableFuture<Map<TopicPartition, Long>> earliest =
        listOffsets(topology.partitions(), OffsetSpec.earliest());
    CompletableFuture<Map<TopicPartition, Long>> committed = committed();
    CompletableFuture<Long> deadLetterEnd =
        listOffsets(topology.deadLetterPartitions(), OffsetSpec.latest())
            .thenApply(m -> m.values().stream().mapToLong(Long::longValue).sum())
            .exceptionally(e -> 0L);
    return CompletableFuture.allOf(latest, earliest, committed, deadLetterEnd)
        .thenApply(
            ignored ->
                new Offsets(latest.join(), earliest.join(), committed.join(), deadLetterEnd.join()))
        .orTimeout(2L * timeoutMs, TimeUnit.MILLISECONDS);
  }

  private CompletableFuture<List<TopicPartition>> partitionsOf(String topic) {
    KafkaFuture<TopicDescription> described =
        admin
            .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeoutMs))
            .topicNameValues()
            .get(topic);
    return stage(described)
        .thenApply(
            d ->
                d.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList());
  }

  private CompletableFuture<Map<TopicPartition, Long>> listOffsets(
      List<TopicPartition> partitions, OffsetSpec spec) {
    if (partitions.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, spec));
    return stage(admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(timeoutMs)).all())
        .thenApply(
            infos -> {
              Map<TopicPartition, Long> offsets = new HashMap<>();
              for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                  infos.entrySet()) {
                offsets.put(e.getKey(), e.getValue().offset());
              }
              return offsets;
            });
  }

  private CompletableFuture<Map<TopicPartition, Long>> committed() {
    var options = new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs);
    return stage(
            admin
                .listConsumerGroupOffsets(trigger.consumerGroup(), options)
                .partitionsToOffsetAndMetadata())
        .handle(
            (Map<TopicPartition, OffsetAndMetadata> found, Throwable e) -> {
              if (e != null) {
                if (cause(e) instanceof GroupIdNotFoundException) {
                  return Map.of(); // a group that never ran has committed nothing
                }
                return fail(cause(e));
              }
              Map<TopicPartition, Long> offsets = new HashMap<>();
              found.forEach(
                  (p, o) -> {
                    if (o != null && trigger.topics().contains(p.topic())) {
                      offsets.put(p, o.offset());
                    }
                  });
              return offsets;
            });
  }

  private static <T> CompletableFuture<T> stage(KafkaFuture<T> future) {
    return future.toCompletionStage().toCompletableFuture();
  }

  /** The failure inside the wrappers {@link CompletableFuture} adds. */
  static Throwable cause(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static <T> T fail(Throwable e) {
    throw e instanceof RuntimeException r ? r : new CompletionException(e);
  }
}
