package io.zeroscale.autoscaler.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How each failure Kafka's Admin client reports becomes a status (the failures that a single broker
 * can produce are also shown end to end in {@link KafkaLagTest}; authorization needs ACLs).
 */
class TriggerProblemsTest {

  private static final KafkaTriggerSpec TRIGGER =
      new KafkaTriggerSpec("k1:9092", List.of("words"), null, null, null, null, null, null)
          .withDefaults(FunctionKey.of("default", "wc"));

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            new OffsetsRead.TopicFailure(
                "words", new CompletionException(new UnknownTopicOrPartitionException("x"))),
            "TopicNotFound",
            "topic 'words' does not exist on k1:9092; create it or fix spec.triggers.kafka.topics"),
        Arguments.of(
            new CompletionException(new TimeoutException("timed out")),
            "BrokersUnreachable",
            "no answer from Kafka at k1:9092 within 5000ms; check"
                + " spec.triggers.kafka.bootstrapServers and that the brokers run"),
        Arguments.of(
            new java.util.concurrent.TimeoutException(),
            "BrokersUnreachable",
            "no answer from Kafka at k1:9092 within 5000ms; check"
                + " spec.triggers.kafka.bootstrapServers and that the brokers run"),
        Arguments.of(
            new GroupAuthorizationException("denied"),
            "NotAuthorized",
            "the autoscaler may not read consumer group 'zeroscale-default-wc' on k1:9092: grant it"
                + " Describe on the topics and the group (denied)"),
        Arguments.of(
            new TopicAuthorizationException(Set.of("words")),
            "NotAuthorized",
            "the autoscaler may not read topic(s) [words] on k1:9092: grant it Describe on the"
                + " topics and the group (Not authorized to access topics: [words])"),
        Arguments.of(
            new IllegalStateException("boom"),
            "LagReadFailed",
            "reading the lag of consumer group 'zeroscale-default-wc' on k1:9092 failed:"
                + " java.lang.IllegalStateException: boom"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("failures")
  void namesWhatToFix(Throwable failure, String reason, String message) {
    TriggerStatus status = TriggerProblems.of(failure, TRIGGER, Duration.ofSeconds(5));
    assertThat(status).isEqualTo(new TriggerStatus(false, reason, message));
  }
}
