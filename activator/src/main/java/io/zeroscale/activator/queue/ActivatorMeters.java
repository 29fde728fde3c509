package io.zeroscale.activator.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.LatencyBuckets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The activator's meters of one function: {@code zeroscale.activator.queue.depth}, {@code
 * zeroscale.cold.starts} and {@code zeroscale.cold.start.duration} (first request queued at zero
 * ready replicas until the first of those requests is forwarded; one per wake-up), and {@code
 * zeroscale.activator.rejected} by reason ({@code queue_full}, {@code timeout}).
 */
final class ActivatorMeters {

  private final MeterRegistry registry;
  private final Gauge depth;
  private final Counter coldStarts;
  private final Timer coldStartDuration;
  private final Counter queueFull;
  private final Counter timeout;

  ActivatorMeters(MeterRegistry registry, FunctionKey key, Supplier<Number> queueDepth) {
    this.registry = registry;
    Tags tags = Tags.of("namespace", key.namespace(), "function", key.name());
    depth =
        Gauge.builder("zeroscale.activator.queue.depth", queueDepth)
            .description("Requests waiting in the activator")
            .tags(tags)
            .strongReference(true)
            .register(registry);
    coldStarts =
        Counter.builder("zeroscale.cold.starts")
            .description("Wake-ups from zero ready replicas")
            .tags(tags)
            .register(registry);
    coldStartDuration =
        Timer.builder("zeroscale.cold.start.duration")
            .description("First request queued at zero until it was forwarded to a replica")
            .tags(tags)
            .serviceLevelObjectives(LatencyBuckets.START)
            .register(registry);
    queueFull = rejected(tags, "queue_full");
    timeout = rejected(tags, "timeout");
  }

  private Counter rejected(Tags tags, String reason) {
    return Counter.builder("zeroscale.activator.rejected")
        .description("Requests the activator answered with 503")
        .tags(tags)
        .tag("reason", reason)
        .register(registry);
  }

  void coldStart(long nanos) {
    coldStarts.increment();
    coldStartDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  void queueFull() {
    queueFull.increment();
  }

  void timeout() {
    timeout.increment();
  }

  void remove() {
    List.of(depth, coldStarts, coldStartDuration, queueFull, timeout).forEach(registry::remove);
  }
}
