/**
 * Counters of the Kafka trigger per function ({@code zeroscale_function_kafka_*}): records
 * processed, failed attempts, records dead-lettered. Backed by Micrometer only when the function
 * has a registry; otherwise they count nothing and load no metrics library.
 */
package io.zeroscale.runtime.kafka.metrics;
