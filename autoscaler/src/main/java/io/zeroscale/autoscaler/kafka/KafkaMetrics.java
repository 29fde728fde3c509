package io.zeroscale.autoscaler.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.zeroscale.api.function.FunctionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Kafka-triggered function's meters, tagged with namespace and function and removed when the
 * autoscaler stops following it: lag and partitions at the last successful read, records committed
 * (committed-offset growth: records the replicas processed, as the autoscaler sees them), records
 * dead-lettered (growth of the dead-letter topic's log-end offsets) and failed lag reads.
 */
final class KafkaMetrics {

  static final String LAG = "zeroscale.kafka.consumer.lag";
  static final String PARTITIONS = "zeroscale.kafka.partitions";
  static final String COMMITTED = "zeroscale.kafka.records.committed";
  static final String DEAD_LETTERED = "zeroscale.kafka.dead.lettered";
  static final String READ_FAILURES = "zeroscale.kafka.lag.read.failures";

  private final MeterRegistry registry;
  private final AtomicLong lag = new AtomicLong();
  private final AtomicInteger partitions = new AtomicInteger();
  private final Counter committed;
  private final Counter deadLettered;
  private final Counter failures;
  private final List<Meter> meters = new ArrayList<>();

  KafkaMetrics(MeterRegistry registry, FunctionKey key) {
    this.registry = registry;
    Tags tags = Tags.of("namespace", key.namespace(), "function", key.name());
    meters.add(
        Gauge.builder(LAG, lag, AtomicLong::get)
            .description("Records of the function's topics its consumer group has not committed")
            .tags(tags)
            .register(registry));
    meters.add(
        Gauge.builder(PARTITIONS, partitions, AtomicInteger::get)
            .description("Partitions of the function's Kafka topics")
            .tags(tags)
            .register(registry));
    committed = counter(COMMITTED, "Records the function's consumer group committed", tags);
    deadLettered = counter(DEAD_LETTERED, "Records written to the dead-letter topic", tags);
    failures = counter(READ_FAILURES, "Failed reads of the function's consumer lag", tags);
  }

  private Counter counter(String name, String description, Tags tags) {
    Counter c = Counter.builder(name).description(description).tags(tags).register(registry);
    meters.add(c);
    return c;
  }

  void read(long lagNow, int partitionsNow, long committedSince, long deadLetteredSince) {
    lag.set(lagNow);
    partitions.set(partitionsNow);
    committed.increment(committedSince);
    deadLettered.increment(deadLetteredSince);
  }

  void failed() {
    failures.increment();
  }

  void remove() {
    meters.forEach(registry::remove);
  }
}
