/**
 * Kafka consumer lag as a demand signal: {@link io.zeroscale.autoscaler.kafka.KafkaLag} reads each
 * Kafka-triggered function's consumer-group lag with the Admin client, asynchronously and with a
 * timeout, keeps the latest reading for the scaling loop, and reports a {@link
 * io.zeroscale.api.function.TriggerStatus} that says what to fix when the lag cannot be read.
 */
package io.zeroscale.autoscaler.kafka;
