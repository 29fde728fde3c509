package io.zeroscale.example.wordcount;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.runtime.RuntimeConfig;
import io.zeroscale.runtime.kafka.KafkaFunction;
import io.zeroscale.runtime.kafka.KafkaInput;
import io.zeroscale.runtime.kafka.KafkaOutput;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the words of each line it is triggered with and writes {@code
 * {"words":3,"partition":2,"offset":17,"replica":"wordcount-1"}} to {@code wordcount.output-topic}
 * ({@code WORDCOUNT_OUTPUT_TOPIC}) under the line's key: every input key shows up in the output,
 * and a duplicate (same partition and offset twice) says which replicas handled it. A line
 * containing {@code POISON} always fails, to show the dead-letter path.
 */
@ApplicationScoped
public class WordCounter implements KafkaFunction {

  static final String POISON = "POISON";

  private final String outputTopic;

  /** {@code ,"replica":"..."}}: the same for every result, JSON-escaped once. */
  private final String replicaSuffix;

  WordCounter(
      @ConfigProperty(name = "wordcount.output-topic") String outputTopic, RuntimeConfig runtime) {
    this.outputTopic = outputTopic;
    String hostname = System.getenv("HOSTNAME");
    String replica = runtime.replica().orElse(hostname == null ? "local" : hostname);
    this.replicaSuffix =
        ",\"replica\":" + new ObjectMapper().getNodeFactory().textNode(replica) + "}";
  }

  @Override
  public void handle(KafkaInput line, KafkaOutput output) {
    String text = line.value() == null ? "" : line.valueAsString();
    if (text.contains(POISON)) {
      throw new IllegalArgumentException(
          "the line contains " + POISON + ", which is never counted");
    }
    // Numbers need no escaping: a plain string build is several times cheaper than a JSON tree.
    byte[] result =
        ("{\"words\":"
                + countWords(text)
                + ",\"partition\":"
                + line.partition()
                + ",\"offset\":"
                + line.offset()
                + replicaSuffix)
            .getBytes(StandardCharsets.UTF_8);
    output.send(outputTopic, line.key(), result);
  }

  /** Words are runs of characters that are not whitespace. */
  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
