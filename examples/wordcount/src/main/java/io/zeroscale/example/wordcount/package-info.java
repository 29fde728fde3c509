/**
 * The {@code wordcount} example: a Kafka-triggered function on function-runtime-kafka's {@link
 * io.zeroscale.runtime.kafka.KafkaFunction} that counts the words of each line and writes one
 * result per line to an output topic, with where the line was and which replica counted it.
 */
package io.zeroscale.example.wordcount;
