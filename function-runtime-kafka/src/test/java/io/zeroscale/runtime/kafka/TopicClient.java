package io.zeroscale.runtime.kafka;

import io.zeroscale.kafka.broker.KafkaBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the tests do with the broker from outside the function: produce, read, committed offsets.
 */
public final class TopicClient {

  private TopicClient() {}

  /** Writes {@code key=value} records to one partition in order; returns their offsets. */
  public static List<Long> produce(String topic, int partition, List<String> keyValues)
      throws Exception {
    List<Long> offsets = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", KafkaBroker.shared().bootstrapServers(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (String keyValue : keyValues) {
        String[] kv = keyValue.split("=", 2);
        RecordMetadata written =
            producer
                .send(new ProducerRecord<>(topic, partition, kv[0], kv[1]))
                .get(30, TimeUnit.SECONDS);
        offsets.add(written.offset());
      }
    }
    return offsets;
  }

  /** The group's committed offset of a partition (the next offset it will read), or -1. */
  public static long committed(String group, String topic, int partition) throws Exception {
    try (Admin admin = KafkaBroker.shared().admin()) {
      TopicPartition tp = new TopicPartition(topic, partition);
      OffsetAndMetadata offset =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS)
              .get(tp);
      return offset == null ? -1 : offset.offset();
    }
  }

  /** Every record of a topic, read from the beginning to its end as of now. */
  public static List<ConsumerRecord<String, String>> readAll(String topic) {
    return KafkaBroker.shared().readAll(topic);
  }
}
