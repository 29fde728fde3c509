package io.zeroscale.runtime.kafka.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The mapping from the platform's trigger settings to the connector's channel configuration. */
class ConnectorSettingsTest {

  private static final String P = "mp.messaging.incoming.zeroscale-kafka.";

  private static Function<String, Optional<String>> settings(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  @Test
  void platformSettingsBecomeAThrottledBatchChannelWithADeadLetterQueue() {
    Map<String, String> props =
        ConnectorSettings.channelProperties(
            settings(
                Map.of(
                    "zeroscale.kafka.bootstrap-servers", "127.0.0.1:9092",
                    "zeroscale.kafka.topics", "words,lines",
                    "zeroscale.kafka.group-id", "zeroscale-default-wordcount",
                    "zeroscale.kafka.dead-letter-topic", "words-dlq")));
    assertThat(props)
        .containsEntry(P + "connector", "smallrye-kafka")
        .containsEntry(P + "enabled", "true")
        .containsEntry(P + "bootstrap.servers", "127.0.0.1:9092")
        .containsEntry(P + "topics", "words,lines")
        .containsEntry(P + "group.id", "zeroscale-default-wordcount")
        .containsEntry(P + "batch", "true")
        .containsEntry(P + "max.poll.records", "5000")
        .containsEntry(P + "commit-strategy", "throttled")
        .containsEntry(P + "enable.auto.commit", "false")
        .containsEntry(P + "auto.commit.interval.ms", "1000")
        .containsEntry(P + "auto.offset.reset", "earliest")
        .containsEntry(P + "session.timeout.ms", "10000")
        .containsEntry(P + "heartbeat.interval.ms", "3333")
        .containsEntry(P + "failure-strategy", "dead-letter-queue")
        .containsEntry(P + "dead-letter-queue.topic", "words-dlq");
  }

  @Test
  void groupAndDeadLetterTopicDefaultLikeTheSpecsDefaults() {
    Map<String, String> props =
        ConnectorSettings.channelProperties(
            settings(
                Map.of(
                    "zeroscale.kafka.bootstrap-servers", "b:9092",
                    "zeroscale.kafka.topics", "t",
                    "zeroscale.function", "shop/orders",
                    "zeroscale.kafka.commit-interval-ms", "250",
                    "zeroscale.kafka.session-timeout-ms", "6000")));
    assertThat(props)
        .containsEntry(P + "session.timeout.ms", "6000")
        .containsEntry(P + "heartbeat.interval.ms", "2000")
        .containsEntry(P + "group.id", "zeroscale-shop-orders")
        .containsEntry(P + "dead-letter-queue.topic", "zeroscale-shop-orders-dlq")
        .containsEntry(P + "auto.commit.interval.ms", "250");
  }

  @Test
  void withoutBootstrapServersOrTopicsTheChannelIsDisabledSoNoDefaultTopicIsConsumed() {
    assertThat(ConnectorSettings.channelProperties(settings(Map.of())))
        .containsExactly(Map.entry(P + "enabled", "false"));
    assertThat(ConnectorSettings.channelProperties(settings(Map.of("zeroscale.kafka.topics", "t"))))
        .containsExactly(Map.entry(P + "enabled", "false"));
  }

  @Test
  void missingNamesTheEnvironmentVariablesToSet() {
    assertThat(ConnectorSettings.missing(settings(Map.of())))
        .containsExactly("ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", "ZEROSCALE_KAFKA_TOPICS");
    assertThat(
            ConnectorSettings.missing(
                settings(Map.of("zeroscale.kafka.bootstrap-servers", "b:9092"))))
        .containsExactly("ZEROSCALE_KAFKA_TOPICS");
    assertThat(
            ConnectorSettings.missing(
                settings(
                    Map.of(
                        "zeroscale.kafka.bootstrap-servers", "b:9092",
                        "zeroscale.kafka.topics", "t"))))
        .isEmpty();
  }
}
