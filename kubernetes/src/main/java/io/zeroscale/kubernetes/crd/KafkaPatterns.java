package io.zeroscale.kubernetes.crd;

/**
 * The rules of {@code spec.triggers.kafka} that are text shapes, as OpenAPI patterns (RE2: no
 * look-ahead, so Kafka's "not {@code .} or {@code ..}" is spelled out). {@code KafkaPatternsTest}
 * holds them against the validator, which stays the authority (it also checks the port range).
 */
final class KafkaPatterns {

  /**
   * A topic or consumer group name by Kafka's rule: 1 to 249 of {@code [a-zA-Z0-9._-]}, not {@code
   * .} or {@code ..}. Three branches: a first character that is not a dot; a dot, then one that is
   * not; two dots, then at least one more character.
   */
  static final String NAME =
      "^([a-zA-Z0-9_-][a-zA-Z0-9._-]{0,248}"
          + "|\\.[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,247}"
          + "|\\.\\.[a-zA-Z0-9._-]{1,247})$";

  private static final String HOST_PORT =
      "(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):[0-9]{1,5}";

  /** {@code host:port[,host:port…]}, blanks around each entry allowed. */
  static final String BOOTSTRAP_SERVERS =
      "^\\s*" + HOST_PORT + "\\s*(,\\s*" + HOST_PORT + "\\s*)*$";

  /** Kafka's longest topic name. */
  static final int NAME_MAX_LENGTH = 249;

  /**
   * Most topics one function may consume on this backend. The bound keeps the CRD's CEL rule over
   * the topics (the dead-letter topic is not one of them) within the API server's cost budget,
   * which an unbounded list would exceed; the validator in {@code api} has the same bound.
   */
  static final int MAX_TOPICS = io.zeroscale.api.function.KafkaTriggerSpec.MAX_TOPICS;

  private KafkaPatterns() {}
}
