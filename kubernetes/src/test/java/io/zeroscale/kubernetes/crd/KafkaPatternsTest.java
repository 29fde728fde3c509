package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRD's Kafka patterns against the validator: a name pattern that rejected a name the validator
 * takes would make the API server refuse a valid Function, one that took more would only defer the
 * error to {@code SpecValid=False}; both are held to agree exactly.
 */
class KafkaPatternsTest {

  private static final Pattern NAME = Pattern.compile(KafkaPatterns.NAME);
  private static final Pattern BOOTSTRAP_SERVERS = Pattern.compile(KafkaPatterns.BOOTSTRAP_SERVERS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "orders",
        "Orders_v2.eu-west",
        "a",
        "_",
        "-",
        ".",
        "..",
        "...",
        ".a",
        "..a",
        "a.",
        "a..",
        "",
        "orders!",
        "orders topic",
        "zürich",
        "a/b",
        "x249",
        "x250",
        ".x249"
      })
  void theNamePatternAcceptsExactlyWhatTheValidatorAccepts(String sample) {
    String name = expand(sample);
    KafkaTriggerSpec trigger =
        new KafkaTriggerSpec("kafka:9092", List.of("in"), name, null, null, null, null, null);

    boolean validatorAccepts =
        errors(trigger).stream()
            .noneMatch(e -> e.field().equals("spec.triggers.kafka.consumerGroup"));

    assertThat(NAME.matcher(name).matches())
        .as(
            "'%s' (%d chars): the validator %s it",
            sample, name.length(), validatorAccepts ? "accepts" : "rejects")
        .isEqualTo(validatorAccepts);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka:9092",
        "kafka-0.kafka.svc.cluster.local:9092",
        "10.0.0.7:9092",
        "[::1]:9092",
        "a:1,b:2",
        "a:1, b:2 ",
        " kafka:9092",
        "kafka",
        "kafka:",
        ":9092",
        "kafka:port",
        "a:1,,b:2",
        "a:1,",
        "-kafka:9092",
        "kafka-:9092",
        "http://kafka:9092",
        ""
      })
  void theBootstrapPatternAcceptsWhatTheValidatorAcceptsAndRejectsWhatIsNotHostPort(
      String servers) {
    KafkaTriggerSpec trigger =
        new KafkaTriggerSpec(servers, List.of("in"), null, null, null, null, null, null);

    boolean validatorAccepts =
        errors(trigger).stream()
            .noneMatch(e -> e.field().equals("spec.triggers.kafka.bootstrapServers"));

    assertThat(BOOTSTRAP_SERVERS.matcher(servers).matches())
        .as("'%s': the validator %s it", servers, validatorAccepts ? "accepts" : "rejects")
        .isEqualTo(validatorAccepts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kafka:0", "kafka:65536", "kafka:99999"})
  void thePortRangeIsTheValidatorsAlone(String servers) {
    KafkaTriggerSpec trigger =
        new KafkaTriggerSpec(servers, List.of("in"), null, null, null, null, null, null);

    assertThat(BOOTSTRAP_SERVERS.matcher(servers).matches()).isTrue();
    assertThat(errors(trigger))
        .extracting(FieldError::field)
        .containsExactly("spec.triggers.kafka.bootstrapServers");
  }

  /**
   * {@code x249} is 249 x's, {@code .x249} a dot and 249 x's; other samples stand for themselves.
   */
  private static String expand(String sample) {
    if (sample.matches("\\.?x\\d+")) {
      String prefix = sample.startsWith(".") ? "." : "";
      return prefix + "x".repeat(Integer.parseInt(sample.substring(prefix.length() + 1)));
    }
    return sample;
  }

  private static List<FieldError> errors(KafkaTriggerSpec trigger) {
    return FunctionValidator.validate(
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"), trigger));
  }
}
