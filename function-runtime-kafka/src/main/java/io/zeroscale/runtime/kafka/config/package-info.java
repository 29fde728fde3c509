/**
 * Where the Kafka trigger's settings come from: {@link
 * io.zeroscale.runtime.kafka.config.KafkaTriggerConfig} is their typed home ({@code
 * zeroscale.kafka.*}, set by the platform as {@code ZEROSCALE_KAFKA_*} environment variables), and
 * {@link io.zeroscale.runtime.kafka.config.ConnectorSettings} turns them into the SmallRye Kafka
 * connector's channel configuration, served by a config source.
 */
package io.zeroscale.runtime.kafka.config;
