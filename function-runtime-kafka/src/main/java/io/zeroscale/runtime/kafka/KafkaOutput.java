package io.zeroscale.runtime.kafka;

import java.nio.charset.StandardCharsets;

/**
 * Writes result records from a {@link KafkaFunction}. A send does not wait for the broker: the
 * runtime holds the input record's commit until every record sent while handling it is written
 * ({@code acks=all}), and handles the next input meanwhile. A send that fails for good sends the
 * input to the dead-letter topic.
 */
public interface KafkaOutput {

  /** Sends {@code value} under {@code key} (may be {@code null}) to {@code topic}. */
  void send(String topic, byte[] key, byte[] value);

  /** Sends UTF-8 text; {@code key} may be {@code null}. */
  default void send(String topic, String key, String value) {
    send(
        topic,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }
}
