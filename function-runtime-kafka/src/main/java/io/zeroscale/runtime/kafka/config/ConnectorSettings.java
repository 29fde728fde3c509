package io.zeroscale.runtime.kafka.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the trigger's settings ({@link KafkaTriggerConfig}) into the configuration of the SmallRye
 * Kafka connector's incoming channel {@value #CHANNEL}: batches of records, the throttled commit
 * strategy (commit only acknowledged offsets, auto commit off), the dead-letter-queue failure
 * strategy, {@code auto.offset.reset=earliest} so that records written before the group existed
 * (the ones that woke the function) are read. Pure: it reads settings through a lookup function.
 */
public final class ConnectorSettings {

  /** The incoming channel the runtime consumes. */
  public static final String CHANNEL = "zeroscale-kafka";

  public static final String BOOTSTRAP_SERVERS = "zeroscale.kafka.bootstrap-servers";
  public static final String TOPICS = "zeroscale.kafka.topics";
  public static final String GROUP_ID = "zeroscale.kafka.group-id";
  public static final String DEAD_LETTER_TOPIC = "zeroscale.kafka.dead-letter-topic";
  public static final String COMMIT_INTERVAL_MS = "zeroscale.kafka.commit-interval-ms";
  public static final String MAX_POLL_RECORDS = "zeroscale.kafka.max-poll-records";
  public static final String SESSION_TIMEOUT_MS = "zeroscale.kafka.session-timeout-ms";
  public static final String FUNCTION = "zeroscale.function";

  static final String PREFIX = "mp.messaging.incoming." + CHANNEL + ".";
  private static final String BYTES_DESERIALIZER =
      "org.apache.kafka.common.serialization.ByteArrayDeserializer";

  private ConnectorSettings() {}

  /** The settings the trigger needs and does not have, as environment variable names. */
  public static List<String> missing(Function<String, Optional<String>> lookup) {
    List<String> missing = new ArrayList<>();
    if (lookup.apply(BOOTSTRAP_SERVERS).isEmpty()) {
      missing.add("ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS");
    }
    if (lookup.apply(TOPICS).isEmpty()) {
      missing.add("ZEROSCALE_KAFKA_TOPICS");
    }
    return missing;
  }

  /**
   * The channel's configuration: the full connector set-up when the trigger is configured, else
   * only {@code enabled=false}, so that the connector does not consume a default topic.
   */
  public static Map<String, String> channelProperties(Function<String, Optional<String>> lookup) {
    Map<String, String> props = new LinkedHashMap<>();
    if (!missing(lookup).isEmpty()) {
      props.put(PREFIX + "enabled", "false");
      return props;
    }
    String group = groupId(lookup);
    put(props, "connector", "smallrye-kafka");
    put(props, "enabled", "true");
    put(props, "bootstrap.servers", lookup.apply(BOOTSTRAP_SERVERS).orElseThrow());
    put(props, "topics", lookup.apply(TOPICS).orElseThrow());
    put(props, "group.id", group);
    // Whole polls at a time: one worker hand-off per poll, not per record (throughput).
    put(props, "batch", "true");
    // Larger polls than the client's 500: each poll costs a few thread hand-offs (poll thread,
    // event loop, worker), which on a busy 2-core host dominate when polls are small.
    put(props, "max.poll.records", lookup.apply(MAX_POLL_RECORDS).orElse("5000"));
    put(props, "key.deserializer", BYTES_DESERIALIZER);
    put(props, "value.deserializer", BYTES_DESERIALIZER);
    put(props, "commit-strategy", "throttled");
    put(props, "enable.auto.commit", "false");
    put(props, "auto.commit.interval.ms", lookup.apply(COMMIT_INTERVAL_MS).orElse("1000"));
    put(props, "auto.offset.reset", "earliest");
    // A killed replica's partitions wait this long for a rebalance (see KafkaTriggerConfig).
    int sessionTimeout = Integer.parseInt(lookup.apply(SESSION_TIMEOUT_MS).orElse("10000").trim());
    put(props, "session.timeout.ms", Integer.toString(sessionTimeout));
    put(props, "heartbeat.interval.ms", Integer.toString(Math.max(1, sessionTimeout / 3)));
    put(props, "failure-strategy", "dead-letter-queue");
    put(props, "dead-letter-queue.topic", deadLetterTopic(lookup, group));
    // Records are handed over as bytes; CloudEvents and tracing metadata cost per record.
    put(props, "cloud-events", "false");
    put(props, "tracing-enabled", "false");
    return props;
  }

  /** The consumer group: the configured one, else the platform's default for the function. */
  public static String groupId(Function<String, Optional<String>> lookup) {
    return lookup
        .apply(GROUP_ID)
        .orElseGet(
            () -> "zeroscale-" + lookup.apply(FUNCTION).orElse("default/local").replace('/', '-'));
  }

  /** The dead-letter topic: the configured one, else {@code <group>-dlq}. */
  public static String deadLetterTopic(Function<String, Optional<String>> lookup, String group) {
    return lookup.apply(DEAD_LETTER_TOPIC).orElse(group + "-dlq");
  }

  private static void put(Map<String, String> props, String key, String value) {
    props.put(PREFIX + key, value);
  }
}
