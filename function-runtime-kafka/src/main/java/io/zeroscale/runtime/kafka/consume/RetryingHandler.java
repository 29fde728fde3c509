package io.zeroscale.runtime.kafka.consume;

import io.zeroscale.runtime.kafka.KafkaFunction;
import io.zeroscale.runtime.kafka.KafkaInput;
import io.zeroscale.runtime.kafka.metrics.KafkaCounters;
import java.util.concurrent.CompletableFuture;

/**
 * Calls the function on one record until it succeeds or its retries are spent, pausing {@code
 * backoffMs} between attempts on the calling thread, so the records after it wait (partition
 * order).
 *
 * <p>A plain loop rather than Mutiny's or Fault Tolerance's retry: it runs on the worker thread
 * that handles the whole poll in order, where a retry operator would add a thread hop per attempt.
 */
final class RetryingHandler {

  /** How one record ended: its outputs being written, or the reason to dead-letter it. */
  record Outcome(CompletableFuture<Void> written, Exception failure) {}

  private final KafkaFunction function;
  private final OutputProducer producer;
  private final KafkaCounters counters;
  private final int maxRetries;
  private final long backoffMs;

  RetryingHandler(
      KafkaFunction function,
      OutputProducer producer,
      KafkaCounters counters,
      int maxRetries,
      long backoffMs) {
    this.function = function;
    this.producer = producer;
    this.counters = counters;
    this.maxRetries = maxRetries;
    this.backoffMs = backoffMs;
  }

  /**
   * Handles {@code input}; outputs of failed attempts may have been written already (at least
   * once).
   */
  Outcome handle(KafkaInput input) throws InterruptedException {
    Exception last = null;
    int attempts = maxRetries + 1;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      PendingOutputs outputs = producer.newOutputs();
      try {
        function.handle(input, outputs);
        counters.processed();
        return new Outcome(outputs.written(), null);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
        counters.failedAttempt();
        if (attempt < attempts && backoffMs > 0) {
          Thread.sleep(backoffMs);
        }
      }
    }
    return new Outcome(null, new RetriesSpentException(input, attempts, last));
  }
}
