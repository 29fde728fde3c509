package io.zeroscale.kubernetes.crd;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ReplicaEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a function must satisfy to run on Kubernetes: every rule of {@link FunctionValidator}, plus
 * a container image ({@code spec.command} alone serves the local backend only), no {@code spec.env}
 * entry named like a variable the platform sets (it would be overridden, and a function must not
 * believe it chose its own consumer group), and at most {@value KafkaPatterns#MAX_TOPICS} Kafka
 * topics (the CRD's bound).
 */
public final class KubernetesFunctionRules {

  /**
   * The variables the platform gives every replica ({@link ReplicaEnvironment}); {@code PORT} is
   * the validator's already. Names like {@code ZEROSCALE_READINESS_PATH} stay the user's to set.
   */
  static final Set<String> PLATFORM_VARIABLES =
      Set.of(
          ReplicaEnvironment.FUNCTION,
          ReplicaEnvironment.REPLICA,
          ReplicaEnvironment.CONTAINER_CONCURRENCY,
          ReplicaEnvironment.KAFKA_BOOTSTRAP_SERVERS,
          ReplicaEnvironment.KAFKA_TOPICS,
          ReplicaEnvironment.KAFKA_GROUP_ID,
          ReplicaEnvironment.KAFKA_DEAD_LETTER_TOPIC,
          ReplicaEnvironment.KAFKA_MAX_RETRIES,
          ReplicaEnvironment.KAFKA_RETRY_BACKOFF_MS);

  private KubernetesFunctionRules() {}

  /** Every problem found; empty when the function can run here. */
  public static List<FieldError> check(Function function) {
    List<FieldError> errors = new ArrayList<>(FunctionValidator.validate(function));
    FunctionSpec spec = function == null ? null : function.spec();
    if (spec == null) {
      return List.copyOf(errors);
    }
    if (spec.image() == null || spec.image().isBlank()) {
      errors.add(
          new FieldError(
              "spec.image", "is required on the Kubernetes backend (a container image)"));
    }
    platformVariables(spec, errors);
    topicCount(spec.kafkaTrigger(), errors);
    return List.copyOf(errors);
  }

  private static void platformVariables(FunctionSpec spec, List<FieldError> errors) {
    if (spec.env() == null) {
      return;
    }
    spec.env().keySet().stream()
        .filter(name -> name != null && PLATFORM_VARIABLES.contains(name))
        .sorted()
        .forEach(
            name ->
                errors.add(
                    new FieldError(
                        "spec.env." + name,
                        "is set by the platform on every replica; remove it from spec.env"
                            + whereItComesFrom(name))));
  }

  private static String whereItComesFrom(String variable) {
    if (variable.startsWith("ZEROSCALE_KAFKA_")) {
      return " and set spec.triggers.kafka";
    }
    if (variable.equals(ReplicaEnvironment.CONTAINER_CONCURRENCY)) {
      return " and set spec.scaling.containerConcurrency";
    }
    return " (it names the function or the pod)";
  }

  private static void topicCount(KafkaTriggerSpec kafka, List<FieldError> errors) {
    if (kafka != null
        && kafka.topics() != null
        && kafka.topics().size() > KafkaPatterns.MAX_TOPICS) {
      errors.add(
          new FieldError(
              "spec.triggers.kafka.topics",
              "lists "
                  + kafka.topics().size()
                  + " topics; the Kubernetes backend takes at most "
                  + KafkaPatterns.MAX_TOPICS));
    }
  }
}
