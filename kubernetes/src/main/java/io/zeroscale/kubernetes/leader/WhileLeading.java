package io.zeroscale.kubernetes.leader;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a part only while this instance leads: starts it on {@link #onStartLeading}, closes it on
 * {@link #onStopLeading}, in that order, on a thread of its own (starting a part syncs informers,
 * which must not hold up the elector's threads). Give it to {@link LeaseLeaderElection} as its
 * listener, e.g. {@code new WhileLeading("controller", () -> new FunctionReconciler(…).start())}.
 *
 * <p>A lost leadership stops the part a moment after the elector noticed; the renew deadline being
 * shorter than the lease duration leaves that moment before a stand-by can start its own.
 */
public final class WhileLeading implements LeadershipListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WhileLeading.class);
  private static final long CLOSE_TIMEOUT_SECONDS = 30;

  private final String part;
  private final Supplier<? extends AutoCloseable> starter;
  private final ExecutorService thread;
  private AutoCloseable running;

  /**
   * @param part what is run, for the log lines
   * @param starter starts the part and returns what stops it
   */
  public WhileLeading(String part, Supplier<? extends AutoCloseable> starter) {
    this.part = part;
    this.starter = starter;
    this.thread =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "zeroscale-leading-" + part));
  }

  @Override
  public void onStartLeading() {
    onThread(this::startPart);
  }

  @Override
  public void onStopLeading() {
    onThread(this::stopPart);
  }

  /** Whether the part runs now (false once closed). */
  public boolean running() {
    if (thread.isShutdown()) {
      return false;
    }
    try {
      return thread.submit(() -> running != null).get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not ask whether " + part + " runs", e);
    }
  }

  /** Stops the part if it runs, and the thread (waits up to 30 s for both). Idempotent. */
  @Override
  public synchronized void close() {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(this::stopPart);
    thread.shutdown();
    try {
      if (!thread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warnf("part did not stop within %ds part=%s", CLOSE_TIMEOUT_SECONDS, part);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code step} on the part's thread; after {@link #close} there is nothing to run. */
  private synchronized void onThread(Runnable step) {
    if (!thread.isShutdown()) {
      thread.execute(step);
    }
  }

  private void startPart() {
    if (running != null) {
      return;
    }
    try {
      running = starter.get();
      LOG.infof("leading, part started part=%s", part);
    } catch (RuntimeException e) {
      LOG.errorf(e, "leading, but the part failed to start part=%s", part);
    }
  }

  private void stopPart() {
    if (running == null) {
      return;
    }
    try {
      running.close();
      LOG.infof("not leading, part stopped part=%s", part);
    } catch (Exception e) {
      LOG.errorf(e, "not leading, the part failed to stop cleanly part=%s", part);
    } finally {
      running = null;
    }
  }
}
