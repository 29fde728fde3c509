package io.zeroscale.router.load;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.LatencyBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The router's Micrometer meters of one function: {@code zeroscale.requests} (tag {@code code} =
 * status class, 2xx..5xx, to keep cardinality low), {@code zeroscale.request.duration} (as the
 * client saw it, activator wait included) and {@code zeroscale.requests.in.flight}. Removed from
 * the registry when the function is deleted.
 */
public final class FunctionMeters {

  private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter[] requests = new Counter[CLASSES.length];
  private final Timer duration;
  private final Gauge inFlight;

  public FunctionMeters(MeterRegistry registry, FunctionKey key, FunctionLoadMeter load) {
    this.registry = registry;
    this.tags = Tags.of("namespace", key.namespace(), "function", key.name());
    for (int i = 0; i < CLASSES.length; i++) {
      requests[i] =
          Counter.builder("zeroscale.requests")
              .description("Requests answered, by status class")
              .tags(tags)
              .tag("code", CLASSES[i])
              .register(registry);
    }
    this.duration =
        Timer.builder("zeroscale.request.duration")
            .description("Request latency seen by the router, activator wait included")
            .tags(tags)
            .serviceLevelObjectives(LatencyBuckets.REQUEST)
            .register(registry);
    this.inFlight =
        Gauge.builder("zeroscale.requests.in.flight", load, FunctionLoadMeter::inFlight)
            .description("Requests being proxied to replicas")
            .tags(tags)
            .strongReference(true)
            .register(registry);
  }

  public void record(int status, long startNanos) {
    int index = Math.min(Math.max(status / 100 - 1, 0), CLASSES.length - 1);
    requests[index].increment();
    duration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  public void remove() {
    List<Meter> all = new ArrayList<>(List.of(requests));
    all.add(duration);
    all.add(inFlight);
    all.forEach(registry::remove);
  }
}
