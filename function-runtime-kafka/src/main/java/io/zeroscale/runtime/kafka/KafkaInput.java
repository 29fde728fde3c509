package io.zeroscale.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * One record as the handler sees it: raw bytes, plus where it came from.
 *
 * @param topic the topic it was read from
 * @param partition its partition
 * @param offset its offset in the partition
 * @param key the key, {@code null} when the record has none
 * @param value the value, {@code null} for a tombstone
 * @param headers the record's headers
 * @param timestamp the record's timestamp
 */
public record KafkaInput(
    String topic,
    int partition,
    long offset,
    byte[] key,
    byte[] value,
    Headers headers,
    Instant timestamp) {

  /** The key as UTF-8 text, or {@code null}. */
  public String keyAsString() {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  /** The value as UTF-8 text, or {@code null}. */
  public String valueAsString() {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
