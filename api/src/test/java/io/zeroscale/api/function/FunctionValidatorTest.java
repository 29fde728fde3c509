package io.zeroscale.api.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionValidatorTest {

  private static final String VALID =
      """
      apiVersion: zeroscale.io/v1alpha1
      kind: Function
      metadata: {name: hello, namespace: default}
      spec:
        command: [java, -jar, hello.jar]
        port: 8080
        env: {GREETING: hi}
        timeout: 30s
        scaling: {minScale: 0, maxScale: 10, target: 10, containerConcurrency: 0, scaleToZeroGracePeriod: 30s}
      """;

  @Test
  void acceptsTheSpecFromTheReadme() {
    assertThat(FunctionValidator.validate(FunctionCodec.read(VALID))).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of(
            "maxScale below minScale",
            "scaling: {minScale: 5, maxScale: 2}",
            "spec.scaling.maxScale: must be >= minScale (5), was 2"),
        Arguments.of(
            "negative minScale",
            "scaling: {minScale: -1}",
            "spec.scaling.minScale: must be >= 0, was -1"),
        Arguments.of(
            "zero target", "scaling: {target: 0}", "spec.scaling.target: must be >= 1, was 0"),
        Arguments.of(
            "negative hard limit",
            "scaling: {containerConcurrency: -3}",
            "spec.scaling.containerConcurrency: must be >= 0, was -3"),
        Arguments.of(
            "bad grace period",
            "scaling: {scaleToZeroGracePeriod: soon}",
            "spec.scaling.scaleToZeroGracePeriod: 'soon' is not a duration; write it as 500ms, 30s, 2m or 1h"),
        Arguments.of(
            "port out of range",
            "port: 70000",
            "spec.port: must be between 1 and 65535, was 70000"),
        Arguments.of("zero timeout", "timeout: 0s", "spec.timeout: must be greater than zero"),
        Arguments.of(
            "PORT in env",
            "env: {PORT: '1'}",
            "spec.env.PORT: is set by the platform; use spec.port"),
        Arguments.of(
            "bad env name",
            "env: {1X: a}",
            "spec.env.1X: is not a valid variable name (letters, digits, '_', not starting with a digit)"),
        Arguments.of(
            "readiness path",
            "readiness: {path: health}",
            "spec.readiness.path: must start with '/'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void reportsTheFieldPathOfEachProblem(String name, String specLine, String expected) {
    Function f =
        FunctionCodec.read("metadata: {name: f}\nspec:\n  command: [x]\n  " + specLine + "\n");
    assertThat(FunctionValidator.validate(f)).map(FieldError::toString).containsExactly(expected);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Function f =
        FunctionCodec.read(
            "metadata: {name: Bad_Name}\nspec:\n  port: 0\n  scaling: {minScale: 3, maxScale: 1, target: 0}\n");
    assertThat(FunctionValidator.validate(f))
        .map(FieldError::field)
        .containsExactly(
            "metadata.name", "spec", "spec.port", "spec.scaling.maxScale", "spec.scaling.target");
  }

  @Test
  void missingMetadataAndSpecAreReported() {
    assertThat(FunctionValidator.validate(FunctionCodec.read("kind: Function\n")))
        .map(FieldError::field)
        .containsExactly("metadata", "spec");
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    assertThatThrownBy(
            () -> FunctionCodec.read("metadata: {name: f}\nspec:\n  scaling: {maxscale: 3}\n"))
        .isInstanceOf(InvalidFunctionException.class)
        .hasMessageContaining("spec.scaling.maxscale: unknown field")
        .hasMessageContaining("maxScale");
  }

  @Test
  void wrongTypeIsNamedWithItsPath() {
    assertThatThrownBy(() -> FunctionCodec.read("metadata: {name: f}\nspec:\n  port: eighty\n"))
        .isInstanceOf(InvalidFunctionException.class)
        .hasMessageContaining("spec.port: has the wrong type");
  }

  @Test
  void defaultsFillEveryOptionalField() {
    Function f = FunctionCodec.read("metadata: {name: f}\nspec: {command: [x]}\n").withDefaults();
    assertThat(f.key()).isEqualTo(FunctionKey.of("default", "f"));
    assertThat(f.spec().port()).isEqualTo(8080);
    assertThat(f.spec().timeout()).isEqualTo("30s");
    assertThat(f.spec().readiness().path()).isEqualTo("/");
    assertThat(f.spec().scaling()).isEqualTo(new ScalingSpec(0, 10, 10, 0, "30s"));
    assertThat(FunctionValidator.validate(f)).isEmpty();
  }

  @Test
  void minScaleAboveDefaultMaxRaisesTheDefaultMax() {
    assertThat(new ScalingSpec(12, null, null, null, null).withDefaults().maxScale()).isEqualTo(12);
  }

  @Test
  void durationsReadTheUsualForms() {
    assertThat(
            List.of("500ms", "30s", "2m", "1h", "PT5S").stream()
                .map(DurationText::parse)
                .map(DurationText::format))
        .containsExactly("500ms", "30s", "2m", "1h", "5s");
  }
}
