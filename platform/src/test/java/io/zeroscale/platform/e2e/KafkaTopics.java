package io.zeroscale.platform.e2e;

import io.zeroscale.kafka.broker.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the Kafka end-to-end tests do on the shared real broker: write input, read output. */
final class KafkaTopics {

  final KafkaBroker broker = KafkaBroker.shared();

  /** Writes {@code key -> line} records, in order, and waits until the broker has them all. */
  void produce(String topic, Map<String, String> records) throws Exception {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      records.forEach((k, v) -> sent.add(producer.send(new ProducerRecord<>(topic, k, v))));
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
    }
  }

  /**
   * Reads {@code topic} from the start until {@code done} holds for what was read, or {@code
   * timeout} passes; returns every record read.
   */
  List<ConsumerRecord<String, String>> readUntil(
      String topic, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + System.nanoTime());
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(read) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }
}
