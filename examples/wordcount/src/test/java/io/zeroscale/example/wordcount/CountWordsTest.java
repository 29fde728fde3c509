package io.zeroscale.example.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as a word. */
class CountWordsTest {

  @ParameterizedTest(name = "''{0}'' has {1} words")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0",
        "'   '|0",
        "one|1",
        "'two words'|2",
        "'  leading and trailing  '|3",
        "'tabs\tand\nnewlines'|3",
        "'punctuation, stays: attached!'|3"
      })
  void countsRunsOfNonWhitespace(String line, int words) {
    assertThat(WordCounter.countWords(line)).isEqualTo(words);
  }
}
