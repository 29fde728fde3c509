package io.zeroscale.runtime.kafka.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.properties.IfBuildProperty;
import io.zeroscale.runtime.metrics.FunctionTags;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka trigger's counters in Micrometer, tagged {@code namespace} and {@code function} like
 * function-runtime's request metrics: {@code zeroscale_function_kafka_records_processed_total},
 * {@code zeroscale_function_kafka_attempts_failed_total} and {@code
 * zeroscale_function_kafka_records_dead_lettered_total}. Built only when the application has
 * Micrometer.
 *
 * <p>A singleton (no client proxy): it is called once per record.
 */
@Singleton
@IfBuildProperty(name = "quarkus.micrometer.enabled", stringValue = "true", enableIfMissing = false)
public class KafkaMetrics implements KafkaCounters {

  private final Counter processed;
  private final Counter failedAttempts;
  private final Counter deadLettered;

  KafkaMetrics(
      MeterRegistry registry,
      @ConfigProperty(name = "zeroscale.function", defaultValue = "default/local")
          String function) {
    Tags tags = FunctionTags.of(function);
    this.processed =
        Counter.builder("zeroscale_function_kafka_records_processed")
            .description("Kafka records the function handled successfully")
            .tags(tags)
            .register(registry);
    this.failedAttempts =
        Counter.builder("zeroscale_function_kafka_attempts_failed")
            .description("Attempts at a Kafka record that threw (each retry counts)")
            .tags(tags)
            .register(registry);
    this.deadLettered =
        Counter.builder("zeroscale_function_kafka_records_dead_lettered")
            .description("Kafka records sent to the dead-letter topic after their retries")
            .tags(tags)
            .register(registry);
  }

  @Override
  public void processed() {
    processed.increment();
  }

  @Override
  public void failedAttempt() {
    failedAttempts.increment();
  }

  @Override
  public void deadLettered() {
    deadLettered.increment();
  }
}
