package io.zeroscale.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void aRecordWrittenToATopicIsReadBackFromTheRealBroker() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopic("broker-smoke", 3);
    broker.createTopic("broker-smoke", 3); // idempotent

    try (var producer =
        new KafkaProducer<>(
            broker.clientProperties(), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("broker-smoke", "k", "hello")).get();
    }
    Properties props = broker.clientProperties();
    props.putAll(
        Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, "broker-smoke",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    List<String> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("broker-smoke"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    assertThat(seen).containsExactly("k=hello");
    assertThat(broker.bootstrapServers()).matches(".+:\\d+");
  }
}
