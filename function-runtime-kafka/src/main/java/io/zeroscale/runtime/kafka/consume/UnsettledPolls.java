package io.zeroscale.runtime.kafka.consume;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The bound on what is in flight: polls whose records are handled but not all settled yet (outputs
 * being written). Adding a poll waits, oldest first, until at most {@code maxRecords} records are
 * unsettled, so a replica keeps handling new records while earlier outputs are written, but never
 * holds more than that in memory.
 */
final class UnsettledPolls {

  private static final Logger LOG = Logger.getLogger(UnsettledPolls.class);

  private record Poll(CompletableFuture<Void> settled, int records) {}

  private final int maxRecords;
  private final Duration timeout;
  private final ArrayDeque<Poll> polls = new ArrayDeque<>();
  private int records;

  UnsettledPolls(int maxRecords, Duration timeout) {
    this.maxRecords = maxRecords;
    this.timeout = timeout;
  }

  /** Adds a handled poll; returns once the unsettled records are within the bound again. */
  synchronized void add(CompletableFuture<Void> settled, int size) throws InterruptedException {
    polls.addLast(new Poll(settled, size));
    records += size;
    while (!polls.isEmpty() && (polls.peekFirst().settled().isDone() || records > maxRecords)) {
      Poll oldest = polls.pollFirst();
      records -= oldest.records();
      try {
        oldest.settled().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Safe to go on: the throttled strategy still commits nothing past what is unsettled.
        LOG.warnf("kafka poll not settled after %s, handling the next one", timeout);
      } catch (ExecutionException e) {
        LOG.warnf("kafka poll settled with an error: %s", e.getCause());
      }
    }
  }

  synchronized int records() {
    return records;
  }
}
