package io.zeroscale.runtime.kafka.consume;

import io.zeroscale.runtime.kafka.KafkaOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The records one attempt at an input sent, and when they are all written. */
final class PendingOutputs implements KafkaOutput {

  private static final CompletableFuture<Void> NOTHING_SENT =
      CompletableFuture.completedFuture(null);

  private final OutputProducer producer;
  private final List<CompletableFuture<Void>> sends = new ArrayList<>(1);

  PendingOutputs(OutputProducer producer) {
    this.producer = producer;
  }

  @Override
  public void send(String topic, byte[] key, byte[] value) {
    Objects.requireNonNull(topic, "topic");
    CompletableFuture<Void> written = new CompletableFuture<>();
    Producer<byte[], byte[]> kafka = producer.get();
    kafka.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, error) -> {
          if (error == null) {
            written.complete(null);
          } else {
            written.completeExceptionally(error);
          }
        });
    sends.add(written);
  }

  /** Completes once every record sent is written; fails when one of them could not be. */
  CompletableFuture<Void> written() {
    return switch (sends.size()) {
      case 0 -> NOTHING_SENT;
      case 1 -> sends.get(0);
      default -> CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    };
  }
}
