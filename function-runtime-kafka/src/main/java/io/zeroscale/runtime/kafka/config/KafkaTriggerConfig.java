package io.zeroscale.runtime.kafka.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka trigger of this replica, under {@code zeroscale.kafka}. The platform sets each property
 * through its environment variable ({@code zeroscale.kafka.bootstrap-servers} from {@code
 * ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS}, and so on, see {@code ReplicaEnvironment} in the api module).
 * Outside the platform, set them as system properties, in {@code application.properties} or as the
 * same environment variables; the usual precedence applies: system properties, then environment,
 * then {@code application.properties}.
 */
@ConfigMapping(prefix = "zeroscale.kafka")
public interface KafkaTriggerConfig {

  /** {@code host:port[,host:port…]} of the cluster; required when a KafkaFunction exists. */
  Optional<String> bootstrapServers();

  /** Topics to consume, comma-separated; required when a KafkaFunction exists. */
  Optional<List<String>> topics();

  /**
   * Consumer group; default {@code zeroscale-<namespace>-<name>} from {@code ZEROSCALE_FUNCTION},
   * as the platform names it.
   */
  Optional<String> groupId();

  /** Where a record goes once its retries are spent; default {@code <group>-dlq}. */
  Optional<String> deadLetterTopic();

  /** Attempts after the first one before a failing record is dead-lettered. Default 3. */
  @WithDefault("3")
  int maxRetries();

  /** Pause between two attempts of a failing record, in milliseconds. Default 200. */
  @WithDefault("200")
  long retryBackoffMs();

  /**
   * How often acknowledged offsets are committed, in milliseconds (the connector's {@code
   * auto.commit.interval.ms} for its throttled strategy). Short, so the platform's lag reading is
   * fresh. Default 1000.
   */
  @WithDefault("1000")
  int commitIntervalMs();

  /**
   * Most records handled but not yet settled (their outputs still being written) before the replica
   * waits for the oldest; what bounds memory and the redelivery window of a crash, and what lets
   * sends to the broker overlap with handling. Default 10000.
   */
  @WithDefault("10000")
  int maxUnsettledRecords();

  /**
   * Most records one poll hands over (the connector's {@code max.poll.records}); larger polls mean
   * fewer thread hand-offs per record. Default 5000.
   */
  @WithDefault("5000")
  int maxPollRecords();

  /**
   * How long the group waits for a silent replica before giving its partitions to the others, in
   * milliseconds (the consumer's {@code session.timeout.ms}; heartbeats go at a third of it). A
   * replica killed with SIGKILL holds its partitions this long: the client's 45 s default stalls
   * them for most of a minute, while below the broker's 6 s floor a long GC pause would already
   * cost a rebalance. Default 10000.
   */
  @WithDefault("10000")
  int sessionTimeoutMs();
}
