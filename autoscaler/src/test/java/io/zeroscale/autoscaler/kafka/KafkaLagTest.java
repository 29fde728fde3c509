package io.zeroscale.autoscaler.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KafkaLag} against a real KRaft broker: no mock of the Kafka client. */
class KafkaLagTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

  private final KafkaBroker broker = KafkaBroker.shared();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final KafkaLag lag =
      new KafkaLag(
          READ_TIMEOUT,
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          registry,
          Clock.systemUTC());
  private final FunctionKey words = FunctionKey.of("default", "words");

  @AfterEach
  void close() {
    lag.close();
  }

  @Test
  void lagOfAGroupThatNeverCommittedIsEveryRecordOfEveryPartition() {
    String topic = topic(3);
    produce(topic, 0, 10);
    produce(topic, 1, 20);
    produce(topic, 2, 5);

    lag.follow(words, trigger(topic, "never-committed-" + topic));

    LagReading r = awaitReading(words, 35);
    assertThat(r.partitions()).isEqualTo(3);
    assertThat(lag.status(words)).get().extracting(TriggerStatus::ready).isEqualTo(true);
    assertThat(gauge(KafkaMetrics.LAG)).isEqualTo(35.0);
    assertThat(gauge(KafkaMetrics.PARTITIONS)).isEqualTo(3.0);
  }

  @Test
  void commitsLowerTheLagPerPartitionAndCountAsRecordsCommitted() {
    String topic = topic(2);
    String group = "committer-" + topic;
    produce(topic, 0, 40);
    produce(topic, 1, 60);
    lag.follow(words, trigger(topic, group));
    awaitReading(words, 100);

    commit(group, Map.of(new TopicPartition(topic, 0), 30L, new TopicPartition(topic, 1), 60L));

    LagReading r = awaitReading(words, 10);
    assertThat(r.recordsCommitted()).isEqualTo(90);
    assertThat(counter(KafkaMetrics.COMMITTED)).isEqualTo(90.0);
    produce(topic, 1, 5);
    assertThat(awaitReading(words, 15).recordsCommitted()).isEqualTo(90);
  }

  @Test
  void recordsOnTheDeadLetterTopicAreCounted() {
    String topic = topic(1);
    String dlq = topic + "-dlq";
    broker.createTopic(dlq, 1);
    produce(dlq, 0, 2);
    KafkaTriggerSpec spec =
        new KafkaTriggerSpec(
            broker.bootstrapServers(), List.of(topic), "g-" + topic, null, null, null, dlq, null);
    lag.follow(words, spec);
    awaitReading(words, 0);
    assertThat(counter(KafkaMetrics.DEAD_LETTERED)).as("what was there before").isZero();

    produce(dlq, 0, 3);

    await()
        .atMost(WAIT)
        .until(
            () -> {
              lag.refresh();
              return counter(KafkaMetrics.DEAD_LETTERED) == 3.0;
            });
  }

  @Test
  void aDeadLetterTopicCreatedAfterTheFirstReadCountsFromZeroBeforeTheMetadataAges() {
    String topic = topic(1);
    String dlq = topic + "-dlq";
    KafkaTriggerSpec spec =
        new KafkaTriggerSpec(
            broker.bootstrapServers(), List.of(topic), "g-" + topic, null, null, null, dlq, null);
    lag.follow(words, spec);
    awaitReading(words, 0);

    // As a replica does at start-up; the partition lists are reused for 30 s otherwise.
    broker.createTopic(dlq, 1);
    produce(dlq, 0, 2);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              lag.refresh();
              return counter(KafkaMetrics.DEAD_LETTERED) == 2.0;
            });
  }

  @Test
  void anUnknownTopicMakesTheTriggerNotReadyWithAMessageNamingIt() {
    lag.follow(words, trigger("wrods", "g-wrods"));

    TriggerStatus status = awaitStatus(words);

    assertThat(status.ready()).isFalse();
    assertThat(status.reason()).isEqualTo("TopicNotFound");
    assertThat(status.message())
        .isEqualTo(
            "topic 'wrods' does not exist on "
                + broker.bootstrapServers()
                + "; create it or fix spec.triggers.kafka.topics");
    assertThat(lag.reading(words, Clock.systemUTC().instant()).lag()).isZero();
    assertThat(counter(KafkaMetrics.READ_FAILURES)).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void unreachableBrokersAreReportedWithinTheTimeoutAndNeverBlockTheCaller() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String servers = "127.0.0.1:" + closedPort;
    lag.follow(
        words, new KafkaTriggerSpec(servers, List.of("t"), null, null, null, null, null, null));

    lag.refresh();
    // refresh hands the read off: had it waited for the read (which ends only at the timeout),
    // the status would be known now.
    assertThat(lag.status(words)).as("read still under way after refresh returned").isEmpty();
    assertThat(lag.reading(words, Clock.systemUTC().instant())).isEqualTo(LagReading.NONE);

    TriggerStatus status = awaitStatus(words);
    assertThat(status.reason()).isEqualTo("BrokersUnreachable");
    assertThat(status.message()).startsWith("no answer from Kafka at " + servers + " within");
  }

  @Test
  void aReadingOutlivesFailedReadsForTheStaleLimitThenCountsAsNoLag() throws Exception {
    String topic = topic(2);
    produce(topic, 0, 7);
    lag.follow(words, trigger(topic, "stale-" + topic));
    awaitReading(words, 7);

    try (var admin = broker.admin()) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
    await()
        .atMost(WAIT)
        .until(
            () -> {
              lag.refresh();
              return lag.status(words).map(s -> !s.ready()).orElse(false);
            });

    assertThat(lag.status(words).get().reason()).isEqualTo("TopicNotFound");
    Instant now = Clock.systemUTC().instant();
    assertThat(lag.reading(words, now).lag()).as("within the stale limit").isEqualTo(7);
    assertThat(lag.reading(words, now.plusSeconds(11)).lag()).as("past 10 s").isZero();
    assertThat(gauge(KafkaMetrics.LAG)).as("the gauge shows the last good read").isEqualTo(7.0);
  }

  @Test
  void bootstrapServersThatDoNotResolveAreReportedAsSuch() {
    lag.follow(
        words,
        new KafkaTriggerSpec(
            "no-such-host.invalid:9092", List.of("t"), null, null, null, null, null, null));

    TriggerStatus status = awaitStatus(words);

    assertThat(status.ready()).isFalse();
    assertThat(status.reason()).isEqualTo("BadBootstrapServers");
    assertThat(status.message())
        .isEqualTo(
            "cannot use spec.triggers.kafka.bootstrapServers 'no-such-host.invalid:9092': No"
                + " resolvable bootstrap urls given in bootstrap.servers");
  }

  @Test
  void oneAdminClientPerBootstrapStringClosedWhenNoFunctionUsesIt() {
    String topic = topic(1);
    FunctionKey other = FunctionKey.of("default", "other");
    lag.follow(words, trigger(topic, "a-" + topic));
    lag.follow(other, trigger(topic, "b-" + topic));
    awaitReading(words, 0);
    awaitReading(other, 0);
    assertThat(lag.openClients()).isEqualTo(1);

    lag.unfollow(words);
    assertThat(lag.openClients()).isEqualTo(1);
    lag.unfollow(other);
    await().atMost(WAIT).until(() -> lag.openClients() == 0);
    assertThat(registry.find(KafkaMetrics.LAG).gauges()).isEmpty();
  }

  private LagReading awaitReading(FunctionKey key, long expectedLag) {
    LagReading[] seen = new LagReading[1];
    await()
        .atMost(WAIT)
        .until(
            () -> {
              lag.refresh();
              seen[0] = lag.reading(key, Clock.systemUTC().instant());
              return seen[0].readAt() != null && seen[0].lag() == expectedLag;
            });
    return seen[0];
  }

  private TriggerStatus awaitStatus(FunctionKey key) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              lag.refresh();
              return lag.status(key).isPresent();
            });
    return lag.status(key).orElseThrow();
  }

  private KafkaTriggerSpec trigger(String topic, String group) {
    return new KafkaTriggerSpec(
        broker.bootstrapServers(), List.of(topic), group, null, null, null, null, null);
  }

  private String topic(int partitions) {
    String name = "lag-" + UUID.randomUUID().toString().substring(0, 8);
    broker.createTopic(name, partitions);
    return name;
  }

  static void produce(KafkaBroker broker, String topic, int partition, int count) {
    Properties p = broker.clientProperties();
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
      }
      producer.flush();
    }
  }

  private void produce(String topic, int partition, int count) {
    produce(broker, topic, partition, count);
  }

  /** Commits offsets as a plain consumer of {@code group} does. */
  static void commit(KafkaBroker broker, String group, Map<TopicPartition, Long> offsets) {
    Properties p = broker.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.assign(offsets.keySet());
      Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
      offsets.forEach((tp, o) -> commits.put(tp, new OffsetAndMetadata(o)));
      consumer.commitSync(commits, Duration.ofSeconds(30));
    }
  }

  private void commit(String group, Map<TopicPartition, Long> offsets) {
    commit(broker, group, offsets);
  }

  private double gauge(String name) {
    return registry.get(name).tags("namespace", "default", "function", "words").gauge().value();
  }

  private double counter(String name) {
    return registry.get(name).tags("namespace", "default", "function", "words").counter().count();
  }
}
