package io.zeroscale.kubernetes.crd;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The schema of {@link io.zeroscale.api.function.KafkaTriggerSpec} in the CRD; see {@link
 * FunctionSpecSchema}. Topics listed twice are left to the validator: a uniqueness rule in CEL
 * compares every pair.
 */
@ValidationRule(
    value = "!has(self.deadLetterTopic) || !(self.deadLetterTopic in self.topics)",
    message =
        "spec.triggers.kafka.deadLetterTopic must not be one of the topics the function consumes,"
            + " or a poison record would come back forever")
public class KafkaTriggerSpecSchema {

  /** host:port[,host:port...] of the Kafka cluster. */
  @Required
  @Pattern(KafkaPatterns.BOOTSTRAP_SERVERS)
  public String bootstrapServers;

  /** The topics to consume (1 to 100, each a Kafka topic name). */
  @Required
  @Size(min = 1, max = KafkaPatterns.MAX_TOPICS)
  public List<
          @Pattern(KafkaPatterns.NAME) @Size(min = 1, max = KafkaPatterns.NAME_MAX_LENGTH) String>
      topics;

  /** The consumer group (default zeroscale-<namespace>-<name>). */
  @Pattern(KafkaPatterns.NAME)
  @Size(min = 1, max = KafkaPatterns.NAME_MAX_LENGTH)
  public String consumerGroup;

  /** Lag one replica is expected to work off: replicas = ceil(lag / lagThreshold) (default 100). */
  @Min(1)
  public Integer lagThreshold;

  /** A function at zero wakes when the lag is above this (default 0: any record wakes it). */
  @Min(0)
  public Integer activationLagThreshold;

  /** Let lag ask for more replicas than the topics have partitions (default false). */
  public Boolean allowIdleConsumers;

  /** Where a record goes once its retries are spent (default <consumerGroup>-dlq). */
  @Pattern(KafkaPatterns.NAME)
  @Size(min = 1, max = KafkaPatterns.NAME_MAX_LENGTH)
  public String deadLetterTopic;

  /** How often and how far apart a failing record is retried before it is dead-lettered. */
  public RetrySpecSchema retry;
}
