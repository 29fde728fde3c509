package io.zeroscale.example.wordcount;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** A real broker with the example's topics, and the trigger settings the platform would pass. */
public class WordcountBroker implements QuarkusTestResourceLifecycleManager {

  static final String LINES = "wordcount-lines";
  static final String COUNTS = "wordcount-counts";
  static final String DEAD_LETTERS = "wordcount-dlq";
  static final int PARTITIONS = 6;

  @Override
  public Map<String, String> start() {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopics(
        List.of(
            new NewTopic(LINES, PARTITIONS, (short) 1),
            new NewTopic(COUNTS, PARTITIONS, (short) 1),
            new NewTopic(DEAD_LETTERS, 1, (short) 1)));
    return Map.of(
        "zeroscale.kafka.bootstrap-servers",
        broker.bootstrapServers(),
        "zeroscale.kafka.topics",
        LINES,
        "zeroscale.kafka.group-id",
        "wordcount-test",
        "zeroscale.kafka.dead-letter-topic",
        DEAD_LETTERS,
        "zeroscale.kafka.retry-backoff-ms",
        "10",
        "wordcount.output-topic",
        COUNTS);
  }

  @Override
  public void stop() {
    // The shared broker stops with the JVM.
  }
}
