package io.zeroscale.runtime.kafka.consume;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.zeroscale.runtime.kafka.KafkaInput;
import io.zeroscale.runtime.kafka.metrics.KafkaCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Handles one poll's records in order and acknowledges each partition's part of it once all of it
 * is settled: every record's outputs written, or the record written to the dead-letter topic. The
 * connector's throttled strategy commits a partition's offset only up to the last record
 * acknowledged in sequence, so nothing unsettled is ever committed, also across polls.
 */
final class PollRun {

  private static final Logger LOG = Logger.getLogger(PollRun.class);

  private final RetryingHandler handler;
  private final KafkaCounters counters;

  /** Per partition: completes when every record of this poll so far is settled. */
  private final Map<TopicPartition, CompletableFuture<Void>> settled = new HashMap<>();

  PollRun(RetryingHandler handler, KafkaCounters counters) {
    this.handler = handler;
    this.counters = counters;
  }

  /**
   * Handles the poll's records on this thread and returns when the handler is done with them; the
   * returned future completes (never fails) once the poll's acknowledgements are made.
   */
  CompletableFuture<Void> run(KafkaRecordBatch<byte[], byte[]> poll) {
    for (KafkaRecord<byte[], byte[]> record : poll) {
      @SuppressWarnings("unchecked")
      IncomingKafkaRecord<byte[], byte[]> in = record.unwrap(IncomingKafkaRecord.class);
      TopicPartition partition = new TopicPartition(in.getTopic(), in.getPartition());
      CompletableFuture<Void> prior =
          settled.getOrDefault(partition, CompletableFuture.completedFuture(null));
      CompletableFuture<Void> done;
      try {
        done = settle(in, prior);
      } catch (InterruptedException e) {
        // Stopping: acknowledge nothing of this poll, its records are read again after restart.
        Thread.currentThread().interrupt();
        return CompletableFuture.completedFuture(null);
      }
      settled.put(partition, CompletableFuture.allOf(prior, done));
    }
    return acknowledge(poll);
  }

  private CompletableFuture<Void> settle(
      IncomingKafkaRecord<byte[], byte[]> in, CompletableFuture<Void> prior)
      throws InterruptedException {
    KafkaInput input =
        new KafkaInput(
            in.getTopic(),
            in.getPartition(),
            in.getOffset(),
            in.getKey(),
            in.getPayload(),
            in.getHeaders(),
            in.getTimestamp());
    RetryingHandler.Outcome outcome = handler.handle(input);
    if (outcome.failure() != null) {
      return deadLetter(in, outcome.failure(), prior);
    }
    return outcome
        .written()
        .exceptionallyCompose(
            error -> deadLetter(in, new OutputFailedException(input, error), prior));
  }

  /**
   * Sends the record to the dead-letter topic through the connector's failure strategy, which
   * acknowledges it once written; waits for the partition's earlier records first, so that this
   * acknowledgement never gets ahead of their outputs.
   */
  private CompletableFuture<Void> deadLetter(
      IncomingKafkaRecord<byte[], byte[]> in, Exception reason, CompletableFuture<Void> prior) {
    CompletableFuture<Void> written = new CompletableFuture<>();
    prior.whenComplete(
        (ignored, priorError) ->
            // On the record's own context: the strategy's dead-letter stream takes one writer.
            in.runOnMessageContext(
                () ->
                    in.nack(reason)
                        .whenComplete(
                            (done, error) -> {
                              if (error == null) {
                                counters.deadLettered();
                                LOG.warnf(
                                    "kafka record dead-lettered topic=%s partition=%d offset=%d reason=%s",
                                    in.getTopic(),
                                    in.getPartition(),
                                    in.getOffset(),
                                    reason.getMessage());
                                written.complete(null);
                              } else {
                                written.completeExceptionally(error);
                              }
                            })));
    return written;
  }

  private CompletableFuture<Void> acknowledge(KafkaRecordBatch<byte[], byte[]> poll) {
    List<CompletableFuture<Void>> acks = new ArrayList<>(settled.size());
    for (Map.Entry<TopicPartition, KafkaRecord<byte[], byte[]>> last :
        poll.getLatestOffsetRecords().entrySet()) {
      CompletableFuture<Void> partitionSettled = settled.get(last.getKey());
      if (partitionSettled == null) {
        continue;
      }
      acks.add(
          partitionSettled
              .thenCompose(ignored -> last.getValue().ack())
              .handle(
                  (ignored, error) -> {
                    if (error != null) {
                      LOG.errorf(
                          "kafka partition held partition=%s reason=%s: its offset is not committed"
                              + " past the record that could not be settled; it is read again after"
                              + " a restart",
                          last.getKey(), error);
                    }
                    return null;
                  }));
    }
    return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
  }
}
