package io.zeroscale.api.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaTriggerTest {

  private static final String TRIGGERED =
      """
      metadata: {name: wordcount, namespace: shop}
      spec:
        command: [java, -jar, wordcount.jar]
        env: {WORDCOUNT_OUTPUT_TOPIC: counts}
        triggers:
          kafka:
            bootstrapServers: 127.0.0.1:9092,kafka-1.kafka:9093
            topics: [words, lines]
      """;

  @Test
  void aTriggerWithOnlyServersAndTopicsIsValidAndGetsEveryDefault() {
    Function f = FunctionCodec.read(TRIGGERED);
    assertThat(FunctionValidator.validate(f)).isEmpty();

    KafkaTriggerSpec kafka = f.withDefaults().spec().kafkaTrigger();
    assertThat(kafka.consumerGroup()).isEqualTo("zeroscale-shop-wordcount");
    assertThat(kafka.deadLetterTopic()).isEqualTo("zeroscale-shop-wordcount-dlq");
    assertThat(kafka.lagThreshold()).isEqualTo(100);
    assertThat(kafka.activationLagThreshold()).isZero();
    assertThat(kafka.allowIdleConsumers()).isFalse();
    assertThat(kafka.retry()).isEqualTo(new KafkaTriggerSpec.RetrySpec(3, "200ms"));
    assertThat(FunctionValidator.validate(f.withDefaults())).isEmpty();
  }

  @Test
  void theDefaultsSurviveAWriteAndReadOfTheStoredFunction() {
    Function stored = FunctionCodec.read(TRIGGERED).withDefaults();
    assertThat(FunctionCodec.read(FunctionCodec.toYaml(stored))).isEqualTo(stored);
  }

  @Test
  void replicasOfATriggeredFunctionGetTheTriggerInTheirEnvironment() {
    Function f = FunctionCodec.read(TRIGGERED).withDefaults();
    assertThat(ReplicaEnvironment.fromSpec(f.key(), f.spec()))
        .containsEntry("ZEROSCALE_FUNCTION", "shop/wordcount")
        .containsEntry("ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,kafka-1.kafka:9093")
        .containsEntry("ZEROSCALE_KAFKA_TOPICS", "words,lines")
        .containsEntry("ZEROSCALE_KAFKA_GROUP_ID", "zeroscale-shop-wordcount")
        .containsEntry("ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC", "zeroscale-shop-wordcount-dlq")
        .containsEntry("ZEROSCALE_KAFKA_MAX_RETRIES", "3")
        .containsEntry("ZEROSCALE_KAFKA_RETRY_BACKOFF_MS", "200")
        .doesNotContainKey("ZEROSCALE_CONTAINER_CONCURRENCY");
  }

  @Test
  void aFunctionWithoutTriggerGetsNoKafkaVariables() {
    Function f = FunctionCodec.read("metadata: {name: f}\nspec: {command: [x]}\n").withDefaults();
    assertThat(ReplicaEnvironment.fromSpec(f.key(), f.spec()))
        .containsOnlyKeys("ZEROSCALE_FUNCTION");
  }

  @Test
  void changingTheTriggerChangesWhatReplicasAreStartedFrom() {
    Function before = FunctionCodec.read(TRIGGERED).withDefaults();
    Function after =
        FunctionCodec.read(TRIGGERED.replace("topics: [words, lines]", "topics: [words]"))
            .withDefaults();
    assertThat(after.spec().workload()).isNotEqualTo(before.spec().workload());
  }

  static Stream<Arguments> invalidTriggers() {
    return Stream.of(
        Arguments.of(
            "lag threshold 0",
            "{bootstrapServers: 'k:9092', topics: [t], lagThreshold: 0}",
            List.of(
                "spec.triggers.kafka.lagThreshold: must be >= 1 (records of lag one replica works"
                    + " off), was 0")),
        Arguments.of(
            "nothing at all",
            "{}",
            List.of(
                "spec.triggers.kafka.bootstrapServers: is required, as host:port[,host:port...]",
                "spec.triggers.kafka.topics: needs at least one topic")),
        Arguments.of(
            "server without port",
            "{bootstrapServers: 'kafka', topics: [t]}",
            List.of(
                "spec.triggers.kafka.bootstrapServers: 'kafka' is not host:port (for example"
                    + " kafka:9092)")),
        Arguments.of(
            "bad topic name and a repeated one",
            "{bootstrapServers: 'k:9092', topics: ['my topic', t, t]}",
            List.of(
                "spec.triggers.kafka.topics[0]: 'my topic' must be 1 to 249 letters, digits, '.',"
                    + " '_' or '-' (Kafka's naming rule)",
                "spec.triggers.kafka.topics[2]: 't' is listed twice")),
        Arguments.of(
            "dead letters into the consumed topic",
            "{bootstrapServers: 'k:9092', topics: [t], deadLetterTopic: t}",
            List.of(
                "spec.triggers.kafka.deadLetterTopic: must not be one of the topics the function"
                    + " consumes, or a poison record would come back forever")),
        Arguments.of(
            "negative activation, retries out of range, bad backoff",
            "{bootstrapServers: 'k:9092', topics: [t], activationLagThreshold: -1,"
                + " retry: {maxRetries: 101, backoff: 2m}}",
            List.of(
                "spec.triggers.kafka.activationLagThreshold: must be >= 0, was -1",
                "spec.triggers.kafka.retry.maxRetries: must be between 0 and 100, was 101",
                "spec.triggers.kafka.retry.backoff: must be between 0s and 1m, was 2m")),
        Arguments.of(
            "empty kafka trigger",
            "null",
            List.of("spec.triggers.kafka: needs bootstrapServers and topics")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTriggers")
  void reportsEachTriggerProblemWithItsFieldPath(String name, String kafka, List<String> expected) {
    Function f =
        FunctionCodec.read(
            "metadata: {name: f}\nspec:\n  command: [x]\n  triggers:\n    kafka: " + kafka + "\n");
    assertThat(FunctionValidator.validate(f))
        .map(FieldError::toString)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void aSpecMayNotSetAVariableThePlatformSets() {
    Function f =
        FunctionCodec.read(
            "metadata: {name: f}\nspec:\n  command: [x]\n  env: {ZEROSCALE_KAFKA_GROUP_ID: mine,"
                + " ZEROSCALE_READINESS_PATH: /ok}\n");
    assertThat(FunctionValidator.validate(f))
        .map(FieldError::toString)
        .containsExactly(
            "spec.env.ZEROSCALE_KAFKA_GROUP_ID: is set by the platform on every replica; remove it"
                + " from spec.env and set spec.triggers.kafka");
  }
}
