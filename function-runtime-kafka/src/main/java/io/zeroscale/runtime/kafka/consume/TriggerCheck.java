package io.zeroscale.runtime.kafka.consume;

import java.util.List;

/**
 * Whether the application and the replica's Kafka settings fit together, checked at start-up so
 * that a misconfigured replica fails at once with what to set, instead of consuming nothing.
 */
final class TriggerCheck {

  private TriggerCheck() {}

  /**
   * @param functions class names of the application's KafkaFunction beans
   * @param missing settings the trigger needs and lacks (environment variable names)
   * @throws IllegalStateException saying what to change
   */
  static void verify(List<String> functions, List<String> missing) {
    if (functions.size() > 1) {
      throw new IllegalStateException(
          "the application has "
              + functions.size()
              + " KafkaFunction beans "
              + functions
              + "; a function has one Kafka handler, keep one");
    }
    if (!functions.isEmpty() && !missing.isEmpty()) {
      throw new IllegalStateException(
          functions.get(0)
              + " is a KafkaFunction but the Kafka trigger is not configured: set "
              + String.join(" and ", missing)
              + " (the platform sets them for a Function with spec.triggers.kafka; outside it set"
              + " them in the environment, or as zeroscale.kafka.bootstrap-servers and"
              + " zeroscale.kafka.topics)");
    }
    if (functions.isEmpty() && missing.isEmpty()) {
      throw new IllegalStateException(
          "the Kafka trigger is configured (ZEROSCALE_KAFKA_TOPICS) but the application has no"
              + " KafkaFunction bean to hand the records to: implement"
              + " io.zeroscale.runtime.kafka.KafkaFunction in an @ApplicationScoped class");
    }
  }
}
