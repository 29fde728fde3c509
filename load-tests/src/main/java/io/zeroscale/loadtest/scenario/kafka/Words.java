package io.zeroscale.loadtest.scenario.kafka;

import java.util.SplittableRandom;

/**
 * The input lines of the benchmark and the word count of one line, as {@code examples/wordcount}
 * does it (words are runs of non-blank characters).
 */
public final class Words {

  private static final String[] VOCABULARY = {
    "zero",
    "scale",
    "kafka",
    "record",
    "replica",
    "broker",
    "topic",
    "offset",
    "commit",
    "lag",
    "event",
    "function",
    "router",
    "queue",
    "burst",
    "the",
    "a",
    "of",
    "and",
    "to",
    "partition",
    "consumer",
    "group",
    "stream",
    "latency",
    "throughput",
    "at",
    "least",
    "once",
    "order"
  };

  private Words() {}

  /** A line of words about {@code bytes} long (within one word of it), the same for a seed. */
  public static String line(SplittableRandom random, int bytes) {
    StringBuilder line = new StringBuilder(bytes + 16);
    while (line.length() < bytes) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
    }
    return line.toString();
  }

  /** Words in {@code text}: maximal runs of non-whitespace characters. */
  public static int count(String text) {
    if (text == null) {
      return 0;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean blank = Character.isWhitespace(text.charAt(i));
      if (!blank && !inWord) {
        words++;
      }
      inWord = !blank;
    }
    return words;
  }
}
