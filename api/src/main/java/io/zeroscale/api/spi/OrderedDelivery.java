package io.zeroscale.api.spi;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * For backends: calls SPI watch listeners on one thread of its own, in submission order. A backend
 * queues an event while holding its state's lock (queuing never blocks) and the listeners run after
 * it is released, so they never run under a lock, never on the backend's own threads (an informer,
 * a process reaper), and always see changes in the order they happened. A watcher's snapshot is
 * queued under the same lock as the changes, so no change falls between snapshot and updates.
 */
public final class OrderedDelivery implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(OrderedDelivery.class);

  private final ExecutorService thread;
  private final String name;

  public OrderedDelivery(String name) {
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
              LOG.warnf(e, "watch listener failed thread=%s (the event is dropped for it)", name);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debugf("event dropped after close thread=%s", name);
    }
  }

  /**
   * Subscribes a watcher: on the delivery thread, {@code replay} gives it the current snapshot,
   * then it joins {@code listeners} (a collection only the delivery thread touches). Call it while
   * holding the lock under which changes are submitted, with {@code replay} built from a copy taken
   * under that lock, so no change falls between the snapshot and the updates.
   *
   * @return closing it unsubscribes (also on the delivery thread)
   */
  public <L> AutoCloseable subscribe(Collection<L> listeners, L listener, Runnable replay) {
    submit(
        () -> {
          replay.run();
          listeners.add(listener);
        });
    return () -> submit(() -> listeners.remove(listener));
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
