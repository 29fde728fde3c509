package io.zeroscale.runtime.kafka;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test handler whose behaviour the record's value picks: {@code BLOCK} waits until released,
 * anything containing {@code POISON} always throws, the rest is echoed to {@link
 * TriggerBroker#OUTPUT} under the same key. It records every attempt and every success in order. A
 * singleton, not application-scoped: the test reads its fields, which a client proxy would hide.
 */
@Singleton
public class ScriptedFunction implements KafkaFunction {

  /** A handled record: where it was and its key. */
  public record Handled(int partition, long offset, String key) {}

  public final List<Handled> handled = new CopyOnWriteArrayList<>();
  public final Map<Long, AtomicInteger> attemptsByOffset = new ConcurrentHashMap<>();
  public volatile CountDownLatch release = new CountDownLatch(1);
  public volatile boolean blocking;

  @Override
  public void handle(KafkaInput record, KafkaOutput output) throws Exception {
    attemptsByOffset
        .computeIfAbsent(
            record.partition() * 1_000_000L + record.offset(), o -> new AtomicInteger())
        .incrementAndGet();
    String value = record.valueAsString();
    if (value.contains("POISON")) {
      throw new IllegalArgumentException("poison line: " + value);
    }
    if (value.equals("BLOCK")) {
      blocking = true;
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
      blocking = false;
    }
    output.send(TriggerBroker.OUTPUT, record.key(), record.value());
    handled.add(new Handled(record.partition(), record.offset(), record.keyAsString()));
  }

  public int attempts(int partition, long offset) {
    AtomicInteger attempts = attemptsByOffset.get(partition * 1_000_000L + offset);
    return attempts == null ? 0 : attempts.get();
  }
}
