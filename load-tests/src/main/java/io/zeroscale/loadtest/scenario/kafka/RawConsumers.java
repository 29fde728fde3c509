package io.zeroscale.loadtest.scenario.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baselines: {@code consumers} plain {@link KafkaConsumer}s of one group, one thread each, in
 * this JVM. {@link Work#READ} only reads; {@link Work#WORDCOUNT} does what {@code
 * examples/wordcount} does with the plain clients: counts the words of each record, produces one
 * output record keyed like the input, and marks a poll's offsets done once all its outputs are
 * acked. Both commit the offsets done so far every {@code commitInterval}, asynchronously, as the
 * function runtime's throttled strategy does: committing after every poll would measure the
 * broker's commit latency instead (a few ms per commit here, so under 100k records/s for one
 * consumer). Kafka's auto-commit would do for {@link Work#READ} alone; one hand-written loop keeps
 * the two baselines alike. They run until {@link #close}.
 */
final class RawConsumers implements AutoCloseable {

  /** What each consumer does with a record. */
  enum Work {
    READ,
    WORDCOUNT
  }

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastNanos = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final long commitIntervalNanos;
  private volatile boolean running = true;

  private RawConsumers(Duration commitInterval) {
    this.commitIntervalNanos = commitInterval.toNanos();
  }

  /** Starts the consumers; each reads {@code topic} from the start as group {@code group}. */
  static RawConsumers start(
      String bootstrap,
      String topic,
      String group,
      int consumers,
      Work work,
      String output,
      Duration commitInterval) {
    RawConsumers raw = new RawConsumers(commitInterval);
    for (int i = 0; i < consumers; i++) {
      String id = group + "-" + i;
      Thread t =
          new Thread(() -> raw.consume(bootstrap, topic, group, id, work, output), "raw-" + id);
      t.setDaemon(true);
      raw.threads.add(t);
    }
    raw.threads.forEach(Thread::start);
    return raw;
  }

  private void consume(
      String bootstrap, String topic, String group, String id, Work work, String output) {
    try (var consumer =
            new KafkaConsumer<>(
                consumerProps(bootstrap, group, id),
                new StringDeserializer(),
                new StringDeserializer());
        var producer = work == Work.WORDCOUNT ? producer(bootstrap, id) : null) {
      DoneOffsets done = new DoneOffsets(consumer);
      consumer.subscribe(List.of(topic), done);
      long lastCommit = System.nanoTime();
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(50));
        if (!records.isEmpty()) {
          firstNanos.accumulateAndGet(System.nanoTime(), Math::min);
          if (work == Work.WORDCOUNT) {
            countAndProduce(records, producer, output, id);
          }
          done.add(nextOffsets(records));
          handled.addAndGet(records.count());
          lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
        if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
          done.commitAsync();
          lastCommit = System.nanoTime();
        }
      }
      done.commitAll();
    } catch (Exception e) {
      if (running) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /**
   * The next offset to read of each partition this consumer owns, as far as it has done its work
   * (used on the consumer's thread only). All of them are committed asynchronously each interval
   * when something changed: a failed commit is covered by the next one, and the offsets only grow,
   * so a late failure cannot move a group back. A rebalance commits the partitions it takes away
   * synchronously first, the usual at-least-once pattern.
   */
  private static final class DoneOffsets implements ConsumerRebalanceListener {
    private final KafkaConsumer<String, String> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    private boolean changed;

    DoneOffsets(KafkaConsumer<String, String> consumer) {
      this.consumer = consumer;
    }

    void add(Map<TopicPartition, OffsetAndMetadata> offsets) {
      done.putAll(offsets);
      changed = true;
    }

    void commitAsync() {
      if (changed) {
        consumer.commitAsync(Map.copyOf(done), null);
        changed = false;
      }
    }

    void commitSync(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> some = new HashMap<>();
      for (TopicPartition p : partitions) {
        OffsetAndMetadata offset = done.remove(p);
        if (offset != null) {
          some.put(p, offset);
        }
      }
      if (!some.isEmpty()) {
        consumer.commitSync(some);
      }
    }

    void commitAll() {
      commitSync(List.copyOf(done.keySet()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitSync(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }

  /** One output per input, keyed by the input's key; returns once every output is acked. */
  private static void countAndProduce(
      ConsumerRecords<String, String> records,
      KafkaProducer<String, String> producer,
      String output,
      String id)
      throws Exception {
    AtomicReference<Exception> sendFailure = new AtomicReference<>();
    for (ConsumerRecord<String, String> r : records) {
      String value =
          "{\"words\":%d,\"partition\":%d,\"offset\":%d,\"replica\":\"%s\"}"
              .formatted(Words.count(r.value()), r.partition(), r.offset(), id);
      producer.send(
          new ProducerRecord<>(output, r.key(), value),
          (m, e) -> {
            if (e != null) {
              sendFailure.compareAndSet(null, e);
            }
          });
    }
    producer.flush();
    if (sendFailure.get() != null) {
      throw sendFailure.get();
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition p : records.partitions()) {
      List<ConsumerRecord<String, String>> inPartition = records.records(p);
      offsets.put(p, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    return offsets;
  }

  private static Properties consumerProps(String bootstrap, String group, String id) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, id);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  private static KafkaProducer<String, String> producer(String bootstrap, String id) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, id + "-out");
    // As function-runtime-kafka writes a function's outputs (one broker here: all = the leader).
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  /**
   * Records handled per second inside the consumers, first poll with records to the last one
   * handled (duplicates after a rebalance included); null before any record.
   */
  Double inProcessRate() {
    long first = firstNanos.get();
    long last = lastNanos.get();
    return last > first ? handled.get() / ((last - first) / 1e9) : null;
  }

  /** The first error a consumer stopped on, if any. */
  Exception failure() {
    return failure.get();
  }

  /** Stops the consumers (each commits what it handled and leaves the group). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(30_000);
    }
  }
}
