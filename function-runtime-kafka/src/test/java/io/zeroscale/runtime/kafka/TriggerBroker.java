package io.zeroscale.runtime.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The real broker the trigger tests consume from (shared per JVM), its topics, and the trigger
 * settings the platform would pass as {@code ZEROSCALE_KAFKA_*}, given here as config.
 */
public class TriggerBroker implements QuarkusTestResourceLifecycleManager {

  public static final String INPUT = "trigger-in";
  public static final String OUTPUT = "trigger-out";
  public static final String DEAD_LETTERS = "trigger-dlq";
  public static final String GROUP = "trigger-test";
  public static final int PARTITIONS = 3;
  public static final int MAX_RETRIES = 2;

  @Override
  public Map<String, String> start() {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopics(
        List.of(
            new NewTopic(INPUT, PARTITIONS, (short) 1),
            new NewTopic(OUTPUT, PARTITIONS, (short) 1)));
    // DEAD_LETTERS is not created here: the broker does not auto-create topics, and the replica
    // makes its dead-letter topic itself at start-up (DeadLetterTopic).
    return Map.of(
        "zeroscale.kafka.bootstrap-servers",
        broker.bootstrapServers(),
        "zeroscale.kafka.topics",
        INPUT,
        "zeroscale.kafka.group-id",
        GROUP,
        "zeroscale.kafka.dead-letter-topic",
        DEAD_LETTERS,
        "zeroscale.kafka.max-retries",
        Integer.toString(MAX_RETRIES),
        "zeroscale.kafka.retry-backoff-ms",
        "10");
  }

  @Override
  public void stop() {
    // The shared broker stops with the JVM.
  }
}
