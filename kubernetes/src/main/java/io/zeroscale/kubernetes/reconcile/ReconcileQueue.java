package io.zeroscale.kubernetes.reconcile;

import io.zeroscale.api.function.FunctionKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs reconciles one at a time on a thread of its own, each key at most once in the queue: events
 * that arrive while a key waits fold into that one run, and one that arrives while it runs queues
 * exactly one more. A failed run is retried after a pause that doubles with each failure in a row.
 *
 * <p>Hand-written rather than taken from java-operator-sdk: this is the whole of what the
 * controller needs from a work queue (~80 lines), against a framework that would also own the
 * informers, the status patching and the retries. The queue is bounded by the number of functions:
 * at most one pending run and one scheduled retry per key.
 */
public final class ReconcileQueue implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReconcileQueue.class);

  private final Consumer<FunctionKey> reconcile;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final Set<FunctionKey> pending = new HashSet<>();
  private final Map<FunctionKey, Integer> failures = new HashMap<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zeroscale-k8s-reconcile");
            t.setDaemon(true);
            return t;
          });

  public ReconcileQueue(Consumer<FunctionKey> reconcile, Duration backoff, Duration maxBackoff) {
    this.reconcile = reconcile;
    this.backoff = backoff;
    this.maxBackoff = maxBackoff;
  }

  /** Asks for a reconcile of the function; never blocks. */
  public void enqueue(FunctionKey key) {
    synchronized (pending) {
      if (!pending.add(key)) {
        return;
      }
    }
    try {
      thread.execute(() -> run(key));
    } catch (RejectedExecutionException e) {
      LOG.debugf("reconcile dropped after close function=%s", key);
    }
  }

  private void run(FunctionKey key) {
    synchronized (pending) {
      pending.remove(key);
    }
    try {
      reconcile.accept(key);
      failures.remove(key);
    } catch (RuntimeException e) {
      int inARow = failures.merge(key, 1, Integer::sum);
      Duration delay = delay(inARow);
      LOG.warnf(
          e,
          "reconcile failed function=%s failures=%d retryIn=%dms",
          key,
          inARow,
          delay.toMillis());
      try {
        thread.schedule(() -> enqueue(key), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        LOG.debugf("retry dropped after close function=%s", key);
      }
    }
  }

  /**
   * Runs {@code task} on the queue's thread every {@code period} (the first run one period from
   * now) until the queue is closed; a task that throws is logged and runs again at the next period.
   */
  public void repeat(String name, Duration period, Runnable task) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warnf(e, "periodic task failed task=%s nextIn=%dms", name, period.toMillis());
          }
        };
    try {
      thread.scheduleWithFixedDelay(
          guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debugf("periodic task not started after close task=%s", name);
    }
  }

  private Duration delay(int failuresInARow) {
    Duration d = backoff.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
