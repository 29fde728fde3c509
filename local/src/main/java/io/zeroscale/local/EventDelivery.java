package io.zeroscale.local;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Calls watchers on one thread of its own, in submission order. State changes are queued while
 * their lock is held (queuing never blocks) and delivered after it is released, so listeners never
 * run under a lock and always see changes in the order they happened.
 */
public final class EventDelivery implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventDelivery.class);

  private final ExecutorService thread;
  private final String name;

  public EventDelivery(String name) {
    this.name = name;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  public void submit(Runnable event) {
    try {
      thread.execute(
          () -> {
            try {
              event.run();
            } catch (RuntimeException e) {
              LOG.warnf(e, "watcher failed thread=%s (the event is dropped for it)", name);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debugf("event dropped after close thread=%s", name);
    }
  }

  /** Delivers what is queued (bounded wait), then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
