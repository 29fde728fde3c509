package io.zeroscale.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replica's own view of its requests, named like the platform's metrics with a {@code
 * zeroscale_function_} prefix: {@code zeroscale_function_requests_total{code}}, {@code
 * zeroscale_function_request_duration_seconds} (the platform's fixed buckets) and {@code
 * zeroscale_function_requests_in_flight}, tagged {@code namespace} and {@code function}. Paths
 * under {@code /q/} are not counted.
 *
 * <p>Only built when the application has Micrometer (it adds {@code
 * quarkus-micrometer-registry-prometheus}, which serves them at {@code /q/metrics}); without it
 * function-runtime adds no metrics library to the function's start.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.micrometer.enabled", stringValue = "true", enableIfMissing = false)
public class RequestMetrics {

  /** Outermost: sees every answer, including the drain's and the concurrency limit's 503s. */
  static final int FILTER_PRIORITY = 3000;

  /** Same boundaries as the platform's request latency (io.zeroscale.api.stats.LatencyBuckets). */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final Tags tags;
  private final Timer duration;
  private final Counter[] byClass = new Counter[6];
  private final AtomicInteger inFlight = new AtomicInteger();

  RequestMetrics(
      MeterRegistry registry,
      @ConfigProperty(name = "zeroscale.function", defaultValue = "default/local")
          String function) {
    this.registry = registry;
    this.tags = FunctionTags.of(function);
    this.duration =
        Timer.builder("zeroscale_function_request_duration")
            .description("Time from request to response end, as this replica saw it")
            .tags(tags)
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    Gauge.builder("zeroscale_function_requests_in_flight", inFlight, AtomicInteger::get)
        .description("Requests this replica is serving now")
        .tags(tags)
        .register(registry);
  }

  void install(@Observes Filters filters) {
    filters.register(this::measure, FILTER_PRIORITY);
  }

  private void measure(RoutingContext ctx) {
    if (ctx.normalizedPath().startsWith("/q/")) {
      ctx.next();
      return;
    }
    long start = System.nanoTime();
    inFlight.incrementAndGet();
    ctx.addEndHandler(
        done -> {
          inFlight.decrementAndGet();
          duration.record(Duration.ofNanos(System.nanoTime() - start));
          counter(ctx.response().getStatusCode() / 100).increment();
        });
    ctx.next();
  }

  private Counter counter(int statusClass) {
    int i = Math.max(1, Math.min(5, statusClass));
    Counter counter = byClass[i];
    if (counter == null) {
      counter =
          Counter.builder("zeroscale_function_requests")
              .description("Requests this replica answered, by status class")
              .tags(tags)
              .tag("code", i + "xx")
              .register(registry);
      byClass[i] = counter;
    }
    return counter;
  }
}
