/**
 * Kafka for the command line: the development broker {@code zeroscale up} starts, and the small
 * producer and consumer behind {@code zeroscale kafka produce|consume}, so the Kafka-triggered
 * examples can be tried without other tools.
 */
package io.zeroscale.cli.kafka;
