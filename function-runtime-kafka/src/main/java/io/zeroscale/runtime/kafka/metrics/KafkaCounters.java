package io.zeroscale.runtime.kafka.metrics;

/** What the Kafka binding counts; one call per event, from the handler's thread. */
public interface KafkaCounters {

  /** A record was handled successfully (its outputs may still be in flight). */
  void processed();

  /** One attempt at a record threw. */
  void failedAttempt();

  /** A record went to the dead-letter topic. */
  void deadLettered();
}
