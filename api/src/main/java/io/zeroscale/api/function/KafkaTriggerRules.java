package io.zeroscale.api.function;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code spec.triggers.kafka}. What only the cluster knows (does the topic exist, can
 * the brokers be reached) is not checked here: the autoscaler reports it as the function's {@code
 * TriggerReady} condition, because a topic may be created after the function.
 */
final class KafkaTriggerRules {

  private static final String PATH = "spec.triggers.kafka";

  /** Kafka's own rule for topic names (and the one used here for group names). */
  private static final Pattern KAFKA_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** {@code host:port}, with a bracketed IPv6 host allowed. */
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(\\d{1,5})");

  private KafkaTriggerRules() {}

  static void validate(KafkaTriggerSpec kafka, List<FieldError> errors) {
    if (kafka == null) {
      errors.add(new FieldError(PATH, "needs bootstrapServers and topics"));
      return;
    }
    bootstrapServers(kafka.bootstrapServers(), errors);
    topics(kafka.topics(), errors);
    kafkaName(PATH + ".consumerGroup", kafka.consumerGroup(), errors);
    kafkaName(PATH + ".deadLetterTopic", kafka.deadLetterTopic(), errors);
    if (kafka.deadLetterTopic() != null
        && kafka.topics() != null
        && kafka.topics().contains(kafka.deadLetterTopic())) {
      errors.add(
          new FieldError(
              PATH + ".deadLetterTopic",
              "must not be one of the topics the function consumes, or a poison record would"
                  + " come back forever"));
    }
    if (kafka.lagThreshold() != null && kafka.lagThreshold() < 1) {
      errors.add(
          new FieldError(
              PATH + ".lagThreshold",
              "must be >= 1 (records of lag one replica works off), was " + kafka.lagThreshold()));
    }
    if (kafka.activationLagThreshold() != null && kafka.activationLagThreshold() < 0) {
      errors.add(
          new FieldError(
              PATH + ".activationLagThreshold",
              "must be >= 0, was " + kafka.activationLagThreshold()));
    }
    if (kafka.retry() != null) {
      FunctionValidator.intBetween(
          PATH + ".retry.maxRetries", kafka.retry().maxRetries(), 0, 100, errors);
      FunctionValidator.durationBetween(
          PATH + ".retry.backoff",
          kafka.retry().backoff(),
          Duration.ZERO,
          Duration.ofMinutes(1),
          errors);
    }
  }

  private static void bootstrapServers(String value, List<FieldError> errors) {
    String field = PATH + ".bootstrapServers";
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required, as host:port[,host:port...]"));
      return;
    }
    for (String server : value.split(",", -1)) {
      var m = HOST_PORT.matcher(server.trim());
      if (!m.matches()
          || Integer.parseInt(m.group(3)) < 1
          || Integer.parseInt(m.group(3)) > 65535) {
        errors.add(
            new FieldError(
                field, "'" + server.trim() + "' is not host:port (for example kafka:9092)"));
      }
    }
  }

  private static void topics(List<String> topics, List<FieldError> errors) {
    if (topics == null || topics.isEmpty()) {
      errors.add(new FieldError(PATH + ".topics", "needs at least one topic"));
      return;
    }
    if (topics.size() > KafkaTriggerSpec.MAX_TOPICS) {
      errors.add(
          new FieldError(
              PATH + ".topics",
              "lists " + topics.size() + " topics; at most " + KafkaTriggerSpec.MAX_TOPICS));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < topics.size(); i++) {
      String field = PATH + ".topics[" + i + "]";
      String topic = topics.get(i);
      if (topic == null || topic.isEmpty()) {
        errors.add(new FieldError(field, "must not be empty"));
      } else {
        kafkaName(field, topic, errors);
        if (!seen.add(topic)) {
          errors.add(new FieldError(field, "'" + topic + "' is listed twice"));
        }
      }
    }
  }

  private static void kafkaName(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (!KAFKA_NAME.matcher(value).matches() || ".".equals(value) || "..".equals(value)) {
      errors.add(
          new FieldError(
              field,
              "'"
                  + value
                  + "' must be 1 to 249 letters, digits, '.', '_' or '-' (Kafka's naming rule)"));
    }
  }
}
