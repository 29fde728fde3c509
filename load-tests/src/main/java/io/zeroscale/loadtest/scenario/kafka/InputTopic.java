package io.zeroscale.loadtest.scenario.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Topics of the benchmark: creates them, fills the input topic with the raw producer, and counts
 * what a topic holds (the sum of its partitions' log-end offsets).
 */
final class InputTopic {

  static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  /** What the producer wrote, and how fast (acks=1, batched). */
  record Produced(long records, long bytes, double seconds, double recordsPerSecond) {}

  private InputTopic() {}

  static void create(Admin admin, String topic, int partitions) throws Exception {
    try {
      admin
          .createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
      }
    }
  }

  /**
   * Produces {@code records} text lines of about {@code recordBytes} bytes with distinct keys
   * ({@code key-<i>}), spread over the partitions by key, and waits until every one is acked.
   */
  static Produced produce(String bootstrap, String topic, long records, int recordBytes)
      throws InterruptedException {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    AtomicReference<Exception> failure = new AtomicReference<>();
    SplittableRandom random = new SplittableRandom(42);
    long bytes = 0;
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (long i = 0; i < records && failure.get() == null; i++) {
        String key = "key-" + i;
        String value = Words.line(random, recordBytes - key.length());
        bytes += key.length() + value.length();
        producer.send(
            new ProducerRecord<>(topic, key, value),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "producing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Produced(records, bytes, seconds, records / seconds);
  }

  /** Records a topic holds: its partitions' log-end offsets summed. */
  static long endOffsets(Admin admin, String topic, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin
        .listOffsets(latest)
        .all()
        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .values()
        .stream()
        .mapToLong(r -> r.offset())
        .sum();
  }
}
