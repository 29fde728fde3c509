/**
 * The consuming side of the Kafka trigger: the runtime's own {@code @Incoming} method on the
 * SmallRye Kafka connector's channel, which calls the application's {@link
 * io.zeroscale.runtime.kafka.KafkaFunction} record by record with retries, sends what keeps failing
 * to the dead-letter topic, and acknowledges a partition's records only once their outputs are
 * written.
 */
package io.zeroscale.runtime.kafka.consume;
