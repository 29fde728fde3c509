package io.zeroscale.runtime.kafka.metrics;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;

/** The counters of a function without a Micrometer registry: they count nothing. */
@Singleton
@DefaultBean
public class UncountedKafka implements KafkaCounters {

  @Override
  public void processed() {}

  @Override
  public void failedAttempt() {}

  @Override
  public void deadLettered() {}
}
