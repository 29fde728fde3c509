/**
 * What a Kafka-triggered Java function is written against: implement {@link
 * io.zeroscale.runtime.kafka.KafkaFunction} as a CDI bean, take a {@link
 * io.zeroscale.runtime.kafka.KafkaInput} and write results through {@link
 * io.zeroscale.runtime.kafka.KafkaOutput}. The runtime consumes the trigger's topics for it,
 * retries failures, dead-letters what keeps failing and commits only what is done.
 */
package io.zeroscale.runtime.kafka;
