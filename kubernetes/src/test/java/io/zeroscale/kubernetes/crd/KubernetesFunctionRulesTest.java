package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesFunctionRulesTest {

  @Test
  void aValidFunctionWithAKafkaTriggerPasses() {
    Function function =
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"),
            SampleFunctions.kafka("kafka:9092", "orders"));

    assertThat(KubernetesFunctionRules.check(function)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ZEROSCALE_FUNCTION",
        "ZEROSCALE_REPLICA",
        "ZEROSCALE_CONTAINER_CONCURRENCY",
        "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS",
        "ZEROSCALE_KAFKA_TOPICS",
        "ZEROSCALE_KAFKA_GROUP_ID",
        "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC",
        "ZEROSCALE_KAFKA_MAX_RETRIES",
        "ZEROSCALE_KAFKA_RETRY_BACKOFF_MS"
      })
  void aSpecEnvEntryNamedLikeAPlatformVariableIsRejectedByName(String name) {
    List<FieldError> errors = KubernetesFunctionRules.check(withEnv(Map.of(name, "mine")));

    assertThat(errors)
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("spec.env." + name))
        .satisfies(e -> assertThat(e.message()).contains("set by the platform"));
  }

  @Test
  void otherZeroscaleVariablesStayTheUsers() {
    Function function = withEnv(Map.of("ZEROSCALE_READINESS_PATH", "/ok", "GREETING", "hi"));

    assertThat(KubernetesFunctionRules.check(function)).isEmpty();
  }

  @Test
  void moreTopicsThanTheCrdTakesAreRejected() {
    List<String> topics =
        IntStream.rangeClosed(0, KafkaPatterns.MAX_TOPICS).mapToObj(i -> "t" + i).toList();
    Function function =
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"),
            SampleFunctions.kafka("kafka:9092", topics.toArray(String[]::new)));

    assertThat(KubernetesFunctionRules.check(function))
        .extracting(FieldError::field)
        .containsExactly("spec.triggers.kafka.topics");
    assertThat(
            KubernetesFunctionRules.check(
                SampleFunctions.withKafkaTrigger(
                    function,
                    SampleFunctions.kafka(
                        "kafka:9092", topics.subList(1, topics.size()).toArray(String[]::new)))))
        .as("exactly %d topics", KafkaPatterns.MAX_TOPICS)
        .isEmpty();
  }

  @Test
  void aFunctionWithoutSpecIsReportedNotThrown() {
    Function noSpec = Function.of(ObjectMeta.of("default", "hello"), null);

    assertThat(KubernetesFunctionRules.check(noSpec))
        .extracting(FieldError::field)
        .containsExactly("spec");
  }

  private static Function withEnv(Map<String, String> env) {
    return Function.of(
        ObjectMeta.of("default", "hello"),
        new FunctionSpec("example.org/hello:1", null, null, 8080, env, null, null, null));
  }
}
