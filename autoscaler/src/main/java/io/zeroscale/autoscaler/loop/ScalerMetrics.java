package io.zeroscale.autoscaler.loop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The autoscaler's meters for one function, tagged with namespace and function, removed when the
 * function is deleted: desired and ready replicas at the last decision, mode (1 in panic), panic
 * entries, applied decisions by direction, the stable and panic averages and the measured cold
 * start.
 */
final class ScalerMetrics {

  static final String DESIRED_REPLICAS = "zeroscale.replicas.desired";
  static final String SCALE_DECISIONS = "zeroscale.scale.decisions";
  static final String READY_REPLICAS = "zeroscale.autoscaler.replicas.ready";
  static final String PANIC = "zeroscale.autoscaler.panic";
  static final String PANIC_ENTRIES = "zeroscale.autoscaler.panic.entries";
  static final String STABLE_CONCURRENCY = "zeroscale.autoscaler.concurrency.stable";
  static final String PANIC_CONCURRENCY = "zeroscale.autoscaler.concurrency.panic";
  static final String COLD_START = "zeroscale.autoscaler.cold.start.seconds";

  private final MeterRegistry registry;
  private final Tags tags;
  private final AtomicInteger desired = new AtomicInteger();
  private final AtomicInteger ready = new AtomicInteger();
  private final AtomicInteger panic = new AtomicInteger();
  private final AtomicLong stableMilli = new AtomicLong();
  private final AtomicLong panicMilli = new AtomicLong();
  private final AtomicLong coldStartMillis = new AtomicLong();
  private final Counter up;
  private final Counter down;
  private final Counter panicEntries;
  private final List<Meter> meters = new ArrayList<>();

  ScalerMetrics(MeterRegistry registry, FunctionKey key, int initialDesired) {
    this.registry = registry;
    this.tags = Tags.of("namespace", key.namespace(), "function", key.name());
    desired.set(initialDesired);
    gauge(DESIRED_REPLICAS, "Replicas the autoscaler wants for the function", desired, 1);
    gauge(READY_REPLICAS, "Ready replicas the autoscaler saw at its last decision", ready, 1);
    gauge(PANIC, "1 while the autoscaler is in panic mode for the function, else 0", panic, 1);
    gauge(STABLE_CONCURRENCY, "Average concurrency over the stable window", stableMilli, 1e-3);
    gauge(PANIC_CONCURRENCY, "Average concurrency over the panic window", panicMilli, 1e-3);
    gauge(COLD_START, "Replica start time as the autoscaler measured it", coldStartMillis, 1e-3);
    up = counter(SCALE_DECISIONS, "Scale decisions applied, by direction", "up");
    down = counter(SCALE_DECISIONS, "Scale decisions applied, by direction", "down");
    panicEntries = counter(PANIC_ENTRIES, "Times the autoscaler entered panic mode", null);
  }

  private void gauge(String name, String description, Number value, double scale) {
    meters.add(
        Gauge.builder(name, value, v -> v.doubleValue() * scale)
            .description(description)
            .tags(tags)
            .register(registry));
  }

  private Counter counter(String name, String description, String direction) {
    Counter counter =
        Counter.builder(name)
            .description(description)
            .tags(direction == null ? tags : tags.and("direction", direction))
            .register(registry);
    meters.add(counter);
    return counter;
  }

  /** Records what a decision saw and chose (whether or not it changed anything). */
  void decided(ScaleInputs in, int desiredNow, Mode mode, Duration coldStart) {
    desired.set(desiredNow);
    ready.set(in.readyReplicas());
    stableMilli.set(Math.round(in.stableConcurrency() * 1000));
    panicMilli.set(Math.round(in.panicConcurrency() * 1000));
    coldStartMillis.set(coldStart.toMillis());
    if (mode == Mode.PANIC && panic.getAndSet(1) == 0) {
      panicEntries.increment();
    } else if (mode == Mode.STABLE) {
      panic.set(0);
    }
  }

  void applied(int from, int to) {
    (to > from ? up : down).increment();
  }

  void remove() {
    meters.forEach(registry::remove);
  }
}
