/**
 * The {@code kafka-throughput} scenario: a real broker in a child JVM, one input topic, and the
 * records per second that raw Kafka clients and the {@code wordcount} example deployed on zeroscale
 * process from it, each path measured the same way (its consumer group's committed offsets, read
 * with the Admin client).
 */
package io.zeroscale.loadtest.scenario.kafka;
