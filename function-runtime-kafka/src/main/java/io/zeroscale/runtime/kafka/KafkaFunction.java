package io.zeroscale.runtime.kafka;

/**
 * A function triggered by Kafka records. Make an implementation a CDI bean
 * ({@code @ApplicationScoped}) and the runtime calls it for every record of the topics the platform
 * configured ({@code ZEROSCALE_KAFKA_TOPICS}, see docs/kafka.md).
 *
 * <p>Records of one partition come in offset order, one at a time, on a worker thread (the handler
 * may block). A record counts as done once {@code handle} returned and everything it sent through
 * {@code output} is written to Kafka; only then may its offset be committed. A handler that throws
 * is called again with the same record after {@code ZEROSCALE_KAFKA_RETRY_BACKOFF_MS}, up to {@code
 * ZEROSCALE_KAFKA_MAX_RETRIES} more times; then the record goes to the dead-letter topic and the
 * next one is handled. Delivery is at least once: after a crash the records since the last commit
 * are handled again, so make the handler's effects idempotent or identifiable.
 */
@FunctionalInterface
public interface KafkaFunction {

  /**
   * Handles one record.
   *
   * @param record the record, with its topic, partition and offset
   * @param output where to write result records; they are written before the input is committed
   * @throws Exception to have the record retried and, once the retries are spent, dead-lettered
   */
  void handle(KafkaInput record, KafkaOutput output) throws Exception;
}
