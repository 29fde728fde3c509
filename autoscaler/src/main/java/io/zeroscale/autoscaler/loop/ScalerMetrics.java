package io.zeroscale.autoscaler.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.zeroscale.api.function.FunctionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The autoscaler's meters for one function: {@code zeroscale.replicas.desired} (gauge) and {@code
 * zeroscale.scale.decisions} (counter, tag {@code direction} up or down), tagged with namespace and
 * function. Removed from the registry when the function is deleted.
 */
final class ScalerMetrics {

  static final String DESIRED_REPLICAS = "zeroscale.replicas.desired";
  static final String SCALE_DECISIONS = "zeroscale.scale.decisions";

  private final MeterRegistry registry;
  private final AtomicInteger desired = new AtomicInteger();
  private final Counter up;
  private final Counter down;
  private final List<Meter> meters = new ArrayList<>();

  ScalerMetrics(MeterRegistry registry, FunctionKey key, int initialDesired) {
    this.registry = registry;
    Tags tags = Tags.of("namespace", key.namespace(), "function", key.name());
    desired.set(initialDesired);
    meters.add(
        Gauge.builder(DESIRED_REPLICAS, desired, AtomicInteger::get)
            .description("Replicas the autoscaler wants for the function")
            .tags(tags)
            .register(registry));
    up = counter(tags, "up");
    down = counter(tags, "down");
  }

  private Counter counter(Tags tags, String direction) {
    Counter counter =
        Counter.builder(SCALE_DECISIONS)
            .description("Scale decisions applied, by direction")
            .tags(tags.and("direction", direction))
            .register(registry);
    meters.add(counter);
    return counter;
  }

  void desired(int value) {
    desired.set(value);
  }

  void applied(int from, int to) {
    desired.set(to);
    (to > from ? up : down).increment();
  }

  void remove() {
    meters.forEach(registry::remove);
  }
}
