package io.zeroscale.api.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The autoscaler's knobs in {@code spec.scaling}: read from YAML, checked with field paths. */
class ScalingKnobsValidationTest {

  private static Function read(String scaling) {
    return FunctionCodec.read(
        "metadata: {name: f}\nspec:\n  command: [x]\n  scaling: " + scaling + "\n");
  }

  @Test
  void everyKnobIsReadAndAValidSetPasses() {
    Function f =
        read(
            "{maxScale: 20, targetUtilizationPercentage: 80, stableWindow: 30s,"
                + " panicWindowPercentage: 20, panicThresholdPercentage: 150, maxScaleUpRate: 4,"
                + " maxScaleDownRate: 1.5, scaleDownDelay: 10s, initialScale: 2,"
                + " activationScale: 3}");
    ScalingSpec s = f.spec().scaling();
    assertThat(FunctionValidator.validate(f)).isEmpty();
    assertThat(s.targetUtilizationPercentage()).isEqualTo(80);
    assertThat(s.stableWindow()).isEqualTo("30s");
    assertThat(s.panicWindowPercentage()).isEqualTo(20);
    assertThat(s.panicThresholdPercentage()).isEqualTo(150);
    assertThat(s.maxScaleUpRate()).isEqualTo(4.0);
    assertThat(s.maxScaleDownRate()).isEqualTo(1.5);
    assertThat(s.scaleDownDelay()).isEqualTo("10s");
    assertThat(s.initialScale()).isEqualTo(2);
    assertThat(s.activationScale()).isEqualTo(3);
  }

  @Test
  void defaultsLeaveTheKnobsToThePlatform() {
    ScalingSpec filled = read("{target: 5}").spec().scaling().withDefaults();
    assertThat(filled.target()).isEqualTo(5);
    assertThat(filled.stableWindow()).as("platform-wide default applies").isNull();
    assertThat(filled.activationScale()).isNull();
  }

  @Test
  void theKnobsSurviveAWriteAndRead() {
    Function f = read("{stableWindow: 2m, maxScaleUpRate: 10}");
    Function back = FunctionCodec.read(FunctionCodec.toYaml(f));
    assertThat(back.spec().scaling()).isEqualTo(f.spec().scaling());
  }

  static Stream<Arguments> invalidKnobs() {
    return Stream.of(
        Arguments.of(
            "{targetUtilizationPercentage: 0}",
            "spec.scaling.targetUtilizationPercentage: must be between 1 and 100, was 0"),
        Arguments.of(
            "{stableWindow: 2s}", "spec.scaling.stableWindow: must be between 6s and 1h, was 2s"),
        Arguments.of(
            "{stableWindow: later}",
            "spec.scaling.stableWindow: 'later' is not a duration; write it as 500ms, 30s, 2m or 1h"),
        Arguments.of(
            "{panicWindowPercentage: 101}",
            "spec.scaling.panicWindowPercentage: must be between 1 and 100, was 101"),
        Arguments.of(
            "{panicThresholdPercentage: 100}",
            "spec.scaling.panicThresholdPercentage: must be between 110 and 1000, was 100"),
        Arguments.of(
            "{maxScaleUpRate: 1}",
            "spec.scaling.maxScaleUpRate: must be greater than 1.0, was 1.0"),
        Arguments.of(
            "{maxScaleDownRate: 0.5}",
            "spec.scaling.maxScaleDownRate: must be greater than 1.0, was 0.5"),
        Arguments.of(
            "{scaleDownDelay: 2h}",
            "spec.scaling.scaleDownDelay: must be between 0s and 1h, was 2h"),
        Arguments.of("{initialScale: -1}", "spec.scaling.initialScale: must be >= 0, was -1"),
        Arguments.of("{activationScale: 0}", "spec.scaling.activationScale: must be >= 1, was 0"),
        Arguments.of(
            "{maxScale: 3, activationScale: 4}",
            "spec.scaling.activationScale: must be <= maxScale (3), was 4"),
        Arguments.of(
            "{initialScale: 11}", "spec.scaling.initialScale: must be <= maxScale (10), was 11"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidKnobs")
  void eachBadKnobIsNamedWithItsPathAndTheAllowedRange(String scaling, String expected) {
    assertThat(FunctionValidator.validate(read(scaling)))
        .map(FieldError::toString)
        .containsExactly(expected);
  }
}
