package io.zeroscale.autoscaler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.api.function.TriggersSpec;
import io.zeroscale.api.testing.InMemoryCatalog;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.decider.ConcurrencyDecider;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
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

/**
 * The scaling loop with Kafka-triggered functions, on a real KRaft broker: the lag wakes a function
 * at zero, scales it up to its partitions, and once every record is committed the function returns
 * to zero after its grace period. Replicas are played by {@link RecordingOrchestrator}; commits are
 * made by a plain {@link KafkaConsumer} of the function's group.
 */
class KafkaScalingLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration TICK = Duration.ofMillis(50);

  private final KafkaBroker broker = KafkaBroker.shared();
  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final RecordingOrchestrator orchestrator = new RecordingOrchestrator();
  private final SettableLoadSource router = new SettableLoadSource();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
  private final FunctionKey words = FunctionKey.of("default", "words");
  private ScalingLoop loop;

  @AfterEach
  void stop() {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  void lagWakesFromZeroScalesUpToThePartitionsAndDrainedReturnsToZero() throws Exception {
    String topic = topic(6);
    catalog.put(function("words", trigger(broker.bootstrapServers(), topic)));
    start(new AutoscalerConfig(TICK));
    await().atMost(WAIT).until(() -> loop.triggerStatus(words).isPresent());
    assertThat(loop.triggerStatus(words).get().ready()).isTrue();
    awaitTicks(5);
    assertThat(orchestrator.desired(words)).as("no records, no replica").isZero();

    produce(topic, 50);
    await().atMost(WAIT).until(() -> orchestrator.desired(words) >= 1);
    assertThat(orchestrator.scaleCalls.get(0).replicas()).as("50 records / 100").isEqualTo(1);

    produce(topic, 10_000);
    await().atMost(WAIT).until(() -> orchestrator.desired(words) == 6);
    awaitTicks(5);
    assertThat(orchestrator.desired(words)).as("10,050 / 100 capped at 6 partitions").isEqualTo(6);
    assertThat(kafkaGauge("zeroscale.kafka.consumer.lag")).isEqualTo(10_050.0);
    assertThat(kafkaGauge("zeroscale.kafka.partitions")).isEqualTo(6.0);

    commitEverything(topic, group(topic));
    await().atMost(WAIT).until(() -> kafkaGauge("zeroscale.kafka.consumer.lag") == 0.0);
    // Drained: the lag's count is held (a lower one waits for the stable window, a rebalance per
    // change) while the grace period runs; the test's clock moves only by hand.
    for (int second = 1; second <= 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(2);
    }
    assertThat(orchestrator.desired(words)).as("lag 0, within the grace period").isEqualTo(6);
    assertThat(kafkaCounter("zeroscale.kafka.records.committed")).isEqualTo(10_050.0);

    clock.advance(Duration.ofSeconds(31));
    await().atMost(WAIT).until(() -> orchestrator.desired(words) == 0);
    // Up with the lag as the producer writes (the loop may see it half written), then to zero.
    assertThat(orchestrator.scaleCalls)
        .extracting(RecordingOrchestrator.ScaleCall::replicas)
        .startsWith(1)
        .endsWith(6, 0);
  }

  @Test
  void aTriggerWithAnUnknownTopicIsNotReadyAndTheFunctionStaysAtZero() {
    catalog.put(function("words", trigger(broker.bootstrapServers(), "wrods")));
    start(new AutoscalerConfig(TICK));

    await().atMost(WAIT).until(() -> loop.triggerStatus(words).isPresent());

    TriggerStatus status = loop.triggerStatus(words).get();
    assertThat(status.ready()).isFalse();
    assertThat(status.message()).contains("topic 'wrods' does not exist");
    assertThat(orchestrator.desired(words)).isZero();
  }

  @Test
  void unreachableBrokersNeverHoldUpTheLoopOrOtherFunctions() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    catalog.put(function("words", trigger("127.0.0.1:" + closedPort, "t")));
    catalog.put(function("hello", null));
    java.util.List<TriggerStatus> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
    start(new AutoscalerConfig(TICK).withKafkaReadTimeout(Duration.ofSeconds(3)));
    loop.onTriggerStatusChange((key, status) -> changes.add(status));

    awaitTicks(10);
    FunctionKey hello = FunctionKey.of("default", "hello");
    loop.poke(hello, 15);
    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 2);
    assertThat(loop.triggerStatus(words))
        .as("ticks and pokes went on while the first lag read still waited for its timeout")
        .isEmpty();

    await().atMost(WAIT).until(() -> !changes.isEmpty());
    assertThat(changes.get(0).reason()).isEqualTo("BrokersUnreachable");
    assertThat(loop.triggerStatus(words)).contains(changes.get(0));
    assertThat(orchestrator.desired(words)).isZero();
  }

  @Test
  void removingTheTriggerOrTheFunctionRemovesItsKafkaMeters() {
    String topic = topic(1);
    catalog.put(function("words", trigger(broker.bootstrapServers(), topic)));
    start(new AutoscalerConfig(TICK));
    await().atMost(WAIT).until(() -> loop.triggerStatus(words).isPresent());
    assertThat(registry.find("zeroscale.kafka.consumer.lag").gauges()).hasSize(1);

    catalog.put(function("words", null));
    await()
        .atMost(WAIT)
        .until(() -> registry.find("zeroscale.kafka.consumer.lag").gauges().isEmpty());
    assertThat(loop.triggerStatus(words)).isEmpty();

    catalog.put(function("words", trigger(broker.bootstrapServers(), topic)));
    await()
        .atMost(WAIT)
        .until(() -> registry.find("zeroscale.kafka.partitions").gauges().size() == 1);
    catalog.delete(words);
    await()
        .atMost(WAIT)
        .until(() -> registry.find("zeroscale.kafka.partitions").gauges().isEmpty());
  }

  private void start(AutoscalerConfig config) {
    loop =
        new ScalingLoop(
            config,
            catalog,
            orchestrator,
            List.of(router),
            new ConcurrencyDecider(),
            registry,
            clock);
    loop.start();
  }

  private void awaitTicks(int n) {
    int start = router.collections();
    await().atMost(WAIT).until(() -> router.collections() >= start + n);
  }

  private double kafkaGauge(String name) {
    var g = registry.find(name).tags("namespace", "default", "function", "words").gauge();
    return g == null ? -1 : g.value();
  }

  private double kafkaCounter(String name) {
    return registry.get(name).tags("namespace", "default", "function", "words").counter().count();
  }

  private static Function function(String name, KafkaTriggerSpec trigger) {
    return Function.of(
        ObjectMeta.of("default", name),
        new FunctionSpec(
            null,
            List.of("true"),
            null,
            null,
            null,
            null,
            null,
            new ScalingSpec(0, 20, 10, 0, "30s"),
            trigger == null ? null : new TriggersSpec(trigger)));
  }

  private static KafkaTriggerSpec trigger(String servers, String topic) {
    return new KafkaTriggerSpec(servers, List.of(topic), group(topic), 100, 0, null, null, null);
  }

  private static String group(String topic) {
    return "group-" + topic;
  }

  private String topic(int partitions) {
    String name = "loop-" + UUID.randomUUID().toString().substring(0, 8);
    broker.createTopic(name, partitions);
    return name;
  }

  private void produce(String topic, int count) {
    Properties p = broker.clientProperties();
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
      }
      producer.flush();
    }
  }

  /** Commits the log-end offset of every partition, as a consumer that processed all would. */
  private void commitEverything(String topic, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
    try (Admin admin = broker.admin()) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest =
          IntStream.range(0, partitions)
              .mapToObj(i -> new TopicPartition(topic, i))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      admin
          .listOffsets(latest)
          .all()
          .get()
          .forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
    }
    Properties p = broker.clientProperties();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.assign(ends.keySet());
      consumer.commitSync(ends, Duration.ofSeconds(30));
    }
  }
}
