package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.DurationText;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRD's duration patterns must never reject a duration the validator accepts (the API server
 * would refuse a valid Function), and should reject what it cannot read.
 */
class DurationPatternsTest {

  private static final Pattern POSITIVE = Pattern.compile(DurationPatterns.POSITIVE);
  private static final Pattern NON_NEGATIVE = Pattern.compile(DurationPatterns.NON_NEGATIVE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "500ms",
        "30s",
        "2m",
        "1h",
        "0s",
        "0ms",
        "007s",
        " 30s ",
        "PT30S",
        "pt1m",
        "PT0.5S",
        "P1D",
        "-PT5S",
        "30",
        "1.5s",
        "s",
        "",
        "thirty seconds",
        "30 s",
        "10d",
        "-5s",
        "PT",
        "P"
      })
  void acceptsWhatTheValidatorReads(String text) {
    Duration parsed = parse(text);

    if (parsed != null && !parsed.isNegative()) {
      assertThat(NON_NEGATIVE.matcher(text).matches())
          .as("'%s' reads as %s: the non-negative pattern must accept it", text, parsed)
          .isTrue();
    }
    if (parsed != null && !parsed.isNegative() && !parsed.isZero()) {
      assertThat(POSITIVE.matcher(text).matches())
          .as("'%s' reads as %s: the positive pattern must accept it", text, parsed)
          .isTrue();
    }
    if (parsed == null) {
      assertThat(
              NON_NEGATIVE.matcher(text).matches() && !text.strip().toUpperCase().startsWith("P"))
          .as("'%s' does not read as a duration: the short form must not match it", text)
          .isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "0ms", "000m"})
  void thePositivePatternRejectsAShortZero(String text) {
    assertThat(POSITIVE.matcher(text).matches()).isFalse();
  }

  private static Duration parse(String text) {
    try {
      return DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
