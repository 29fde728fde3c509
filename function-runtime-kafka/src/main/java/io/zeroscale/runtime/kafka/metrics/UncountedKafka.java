package io.zeroscale.runtime.kafka.metrics;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The counters of a function without a Micrometer registry: they count nothing. */
@ApplicationScoped
@DefaultBean
public class UncountedKafka implements KafkaCounters {

  @Override
  public void processed() {}

  @Override
  public void failedAttempt() {}

  @Override
  public void deadLettered() {}
}
