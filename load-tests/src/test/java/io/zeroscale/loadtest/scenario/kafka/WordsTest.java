package io.zeroscale.loadtest.scenario.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark's input lines and the word count the raw baseline does per record. */
class WordsTest {

  @ParameterizedTest(name = "[{0}] has {1} words")
  @MethodSource("texts")
  void countsRunsOfNonBlankCharacters(String text, int words) {
    assertThat(Words.count(text)).isEqualTo(words);
  }

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("zero scale kafka", 3),
        Arguments.of("  leading and trailing  ", 3),
        Arguments.of("one", 1),
        Arguments.of("tabs\tand\nnewlines", 3),
        Arguments.of("", 0),
        Arguments.of(null, 0));
  }

  @Test
  void linesAreAboutTheAskedSizeAndTheSameForASeed() {
    String line = Words.line(new SplittableRandom(7), 90);

    assertThat(line.length()).isBetween(90, 90 + 11);
    assertThat(line).doesNotStartWith(" ").doesNotEndWith(" ");
    assertThat(Words.count(line)).isGreaterThan(5);
    assertThat(Words.line(new SplittableRandom(7), 90)).isEqualTo(line);
  }
}
