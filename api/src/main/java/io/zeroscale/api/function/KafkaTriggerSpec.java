package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * A Kafka trigger: the function's replicas consume {@code topics} as consumer group {@code
 * consumerGroup}, and the autoscaler sizes the function by that group's lag (log-end offset minus
 * committed offset, summed over the topics' partitions), like KEDA's Kafka scaler. Delivery is at
 * least once: the function runtime commits an offset only after the handler acknowledged the
 * record, retries a failing record, then writes it to {@code deadLetterTopic} and goes on.
 *
 * @param bootstrapServers {@code host:port[,host:port…]} of the Kafka cluster
 * @param topics the topics to consume (at least one)
 * @param consumerGroup the consumer group; default {@code zeroscale-<namespace>-<name>}
 * @param lagThreshold lag one replica is expected to work off; desired replicas from lag are {@code
 *     ceil(lag / lagThreshold)} (default {@value #DEFAULT_LAG_THRESHOLD}, at least 1)
 * @param activationLagThreshold a function at zero wakes when the lag is above this (default 0: any
 *     record wakes it)
 * @param allowIdleConsumers replicas beyond the topics' partition count get no partition and sit
 *     idle, so lag never asks for more replicas than partitions; {@code true} lifts that cap
 *     (default false)
 * @param deadLetterTopic where a record goes once its retries are spent; default {@code
 *     <consumerGroup>-dlq}
 * @param retry how often and how far apart a failing record is retried before it is dead-lettered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KafkaTriggerSpec(
    String bootstrapServers,
    List<String> topics,
    String consumerGroup,
    Integer lagThreshold,
    Integer activationLagThreshold,
    Boolean allowIdleConsumers,
    String deadLetterTopic,
    RetrySpec retry) {

  public static final int DEFAULT_LAG_THRESHOLD = 100;
  public static final int DEFAULT_ACTIVATION_LAG_THRESHOLD = 0;

  /**
   * Most topics one trigger may list: keeps the CRD's validation rules cheap for the API server.
   */
  public static final int MAX_TOPICS = 100;

  /** A copy with every optional field filled in. */
  public KafkaTriggerSpec withDefaults(FunctionKey key) {
    String group =
        consumerGroup == null || consumerGroup.isBlank()
            ? "zeroscale-" + key.namespace() + "-" + key.name()
            : consumerGroup;
    return new KafkaTriggerSpec(
        bootstrapServers,
        topics == null ? List.of() : List.copyOf(topics),
        group,
        lagThreshold == null ? DEFAULT_LAG_THRESHOLD : lagThreshold,
        activationLagThreshold == null ? DEFAULT_ACTIVATION_LAG_THRESHOLD : activationLagThreshold,
        allowIdleConsumers != null && allowIdleConsumers,
        deadLetterTopic == null || deadLetterTopic.isBlank() ? group + "-dlq" : deadLetterTopic,
        (retry == null ? new RetrySpec(null, null) : retry).withDefaults());
  }

  /**
   * Retries of a failing record, in order: the partition waits while its record is retried, so the
   * records after it are still handled in order.
   *
   * @param maxRetries attempts after the first one (default {@value #DEFAULT_MAX_RETRIES}, 0–100)
   * @param backoff pause between two attempts (default {@value #DEFAULT_BACKOFF}, 0s–1m)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RetrySpec(Integer maxRetries, String backoff) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final String DEFAULT_BACKOFF = "200ms";

    public RetrySpec withDefaults() {
      return new RetrySpec(
          maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries,
          backoff == null ? DEFAULT_BACKOFF : backoff);
    }

    /** The backoff as a duration; call on a validated spec. */
    public Duration backoffDuration() {
      return DurationText.parse(backoff == null ? DEFAULT_BACKOFF : backoff);
    }
  }
}
