package io.zeroscale.api.function;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment variables the platform gives every replica on top of {@code spec.env}: the same
 * on both backends, and what function-runtime reads. Names are part of the contract with functions;
 * change them only together with function-runtime.
 */
public final class ReplicaEnvironment {

  /** Port to serve HTTP on. */
  public static final String PORT = "PORT";

  /** The function's {@code namespace/name}. */
  public static final String FUNCTION = "ZEROSCALE_FUNCTION";

  /** The replica's id (local backend; on Kubernetes the pod name is {@code HOSTNAME}). */
  public static final String REPLICA = "ZEROSCALE_REPLICA";

  /** {@code spec.scaling.containerConcurrency}, when it is above 0. */
  public static final String CONTAINER_CONCURRENCY = "ZEROSCALE_CONTAINER_CONCURRENCY";

  public static final String KAFKA_BOOTSTRAP_SERVERS = "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS";

  /** Comma-separated. */
  public static final String KAFKA_TOPICS = "ZEROSCALE_KAFKA_TOPICS";

  public static final String KAFKA_GROUP_ID = "ZEROSCALE_KAFKA_GROUP_ID";
  public static final String KAFKA_DEAD_LETTER_TOPIC = "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC";
  public static final String KAFKA_MAX_RETRIES = "ZEROSCALE_KAFKA_MAX_RETRIES";

  /** Milliseconds. */
  public static final String KAFKA_RETRY_BACKOFF_MS = "ZEROSCALE_KAFKA_RETRY_BACKOFF_MS";

  /** Every name above but {@code PORT}: a function's {@code spec.env} may not set them. */
  public static final Set<String> RESERVED =
      Set.of(
          FUNCTION,
          REPLICA,
          CONTAINER_CONCURRENCY,
          KAFKA_BOOTSTRAP_SERVERS,
          KAFKA_TOPICS,
          KAFKA_GROUP_ID,
          KAFKA_DEAD_LETTER_TOPIC,
          KAFKA_MAX_RETRIES,
          KAFKA_RETRY_BACKOFF_MS);

  private ReplicaEnvironment() {}

  /** Where a reserved variable's value comes from, as advice for a spec that sets it. */
  static String setInstead(String variable) {
    if (variable.startsWith("ZEROSCALE_KAFKA_")) {
      return " and set spec.triggers.kafka";
    }
    if (variable.equals(CONTAINER_CONCURRENCY)) {
      return " and set spec.scaling.containerConcurrency";
    }
    return " (it names the function or the replica)";
  }

  /**
   * The variables that follow from the spec (not {@code PORT} or the replica id, which each backend
   * sets per replica), in a stable order; call on a function with defaults filled in.
   */
  public static Map<String, String> fromSpec(FunctionKey key, FunctionSpec spec) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(FUNCTION, key.toString());
    int hardLimit = spec.scalingOrDefaults().containerConcurrency();
    if (hardLimit > 0) {
      // function-runtime enforces the hard limit too, for callers that bypass the router.
      env.put(CONTAINER_CONCURRENCY, Integer.toString(hardLimit));
    }
    KafkaTriggerSpec kafka = spec.triggers() == null ? null : spec.triggers().kafka();
    if (kafka != null) {
      KafkaTriggerSpec k = kafka.withDefaults(key);
      env.put(KAFKA_BOOTSTRAP_SERVERS, k.bootstrapServers());
      env.put(KAFKA_TOPICS, String.join(",", k.topics()));
      env.put(KAFKA_GROUP_ID, k.consumerGroup());
      env.put(KAFKA_DEAD_LETTER_TOPIC, k.deadLetterTopic());
      env.put(KAFKA_MAX_RETRIES, Integer.toString(k.retry().maxRetries()));
      env.put(KAFKA_RETRY_BACKOFF_MS, Long.toString(k.retry().backoffDuration().toMillis()));
    }
    return env;
  }
}
