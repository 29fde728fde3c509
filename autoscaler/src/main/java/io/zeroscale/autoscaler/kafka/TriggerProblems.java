package io.zeroscale.autoscaler.kafka;

import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Duration;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Turns a failed lag read into a {@link TriggerStatus} whose message names what is wrong and what
 * to fix, in the words of the function's spec ({@code spec.triggers.kafka.…}).
 */
final class TriggerProblems {

  private TriggerProblems() {}

  static TriggerStatus of(Throwable failure, KafkaTriggerSpec trigger, Duration timeout) {
    Throwable e = OffsetsRead.cause(failure);
    String topic = null;
    if (e instanceof OffsetsRead.TopicFailure t) {
      topic = t.topic;
      e = OffsetsRead.cause(t.getCause());
    }
    String servers = trigger.bootstrapServers();
    if (e instanceof UnknownTopicOrPartitionException) {
      return TriggerStatus.notReady(
          "TopicNotFound",
          "topic '"
              + topic
              + "' does not exist on "
              + servers
              + "; create it or fix spec.triggers.kafka.topics");
    }
    if (e instanceof java.util.concurrent.TimeoutException
        || e instanceof org.apache.kafka.common.errors.TimeoutException) {
      return TriggerStatus.notReady(
          "BrokersUnreachable",
          "no answer from Kafka at "
              + servers
              + " within "
              + timeout.toMillis()
              + "ms; check spec.triggers.kafka.bootstrapServers and that the brokers run");
    }
    if (e instanceof ConfigException || isUnresolvable(e)) {
      Throwable why = e instanceof ConfigException ? e : e.getCause();
      return TriggerStatus.notReady(
          "BadBootstrapServers",
          "cannot use spec.triggers.kafka.bootstrapServers '" + servers + "': " + why.getMessage());
    }
    if (e instanceof TopicAuthorizationException || e instanceof GroupAuthorizationException) {
      return TriggerStatus.notReady(
          "NotAuthorized",
          "the autoscaler may not read "
              + (e instanceof GroupAuthorizationException
                  ? "consumer group '" + trigger.consumerGroup() + "'"
                  : "topic(s) " + trigger.topics())
              + " on "
              + servers
              + ": grant it Describe on the topics and the group ("
              + e.getMessage()
              + ")");
    }
    if (e instanceof AuthorizationException || e instanceof AuthenticationException) {
      return TriggerStatus.notReady(
          "NotAuthorized", "Kafka at " + servers + " refused the autoscaler: " + e.getMessage());
    }
    return TriggerStatus.notReady(
        "LagReadFailed",
        "reading the lag of consumer group '"
            + trigger.consumerGroup()
            + "' on "
            + servers
            + " failed: "
            + e);
  }

  /** {@code Admin.create} with no resolvable address fails with a bare KafkaException. */
  private static boolean isUnresolvable(Throwable e) {
    return e instanceof KafkaException
        && e.getCause() instanceof ConfigException
        && e.getMessage() != null;
  }
}
