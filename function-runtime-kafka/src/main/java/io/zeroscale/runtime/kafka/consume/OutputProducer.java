package io.zeroscale.runtime.kafka.consume;

import io.zeroscale.runtime.kafka.config.ConnectorSettings;
import io.zeroscale.runtime.kafka.config.KafkaTriggerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;

/**
 * The producer behind {@link io.zeroscale.runtime.kafka.KafkaOutput}, created on the first send.
 *
 * <p>A plain Kafka client rather than a SmallRye outgoing channel: a handler writes to any topic
 * from inside the call, and the runtime needs each send's own completion to hold the input's
 * acknowledgement; a channel would add an emitter buffer and a stream hop per record for that.
 *
 * <p>A singleton (no client proxy): it is called once per record.
 */
@Singleton
public class OutputProducer {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaTriggerConfig trigger;
  private final Config config;
  private volatile Producer<byte[], byte[]> producer;

  OutputProducer(KafkaTriggerConfig trigger, Config config) {
    this.trigger = trigger;
    this.config = config;
  }

  /** Outputs of one attempt at one input. */
  PendingOutputs newOutputs() {
    return new PendingOutputs(this);
  }

  Producer<byte[], byte[]> get() {
    Producer<byte[], byte[]> current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          producer = create();
        }
        current = producer;
      }
    }
    return current;
  }

  private Producer<byte[], byte[]> create() {
    String bootstrap =
        trigger
            .bootstrapServers()
            .orElseThrow(
                () -> new IllegalStateException("set ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS to write"));
    String group = ConnectorSettings.groupId(name -> config.getOptionalValue(name, String.class));
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "zeroscale-output-" + group);
    // Durable before the input is committed: all in-sync replicas, idempotent retries.
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Batching: sends of consecutive inputs share a request (the input's commit waits anyway).
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(props);
  }

  @PreDestroy
  void close() {
    Producer<byte[], byte[]> current = producer;
    if (current != null) {
      current.close(CLOSE_TIMEOUT);
    }
  }
}
