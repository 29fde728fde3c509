package io.zeroscale.local.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a function whose replicas keep failing from restarting in a tight loop. Each failure in a
 * row doubles the pause before the next start, up to a cap. A failure is a start that never became
 * ready, or a ready replica that crashed within the stable uptime; the count goes back to zero once
 * a replica has stayed ready that long with no failure meanwhile. Works on {@link FunctionReplicas}
 * under the orchestrator's lock; the timer only hands callbacks back to the caller.
 */
final class RestartBackoff {

  private static final Logger LOG = Logger.getLogger(RestartBackoff.class);

  private final Duration first;
  private final Duration max;
  private final Duration stableUptime;
  private final ScheduledExecutorService timer;

  RestartBackoff(
      Duration first, Duration max, Duration stableUptime, ScheduledExecutorService timer) {
    this.first = first;
    this.max = max;
    this.stableUptime = stableUptime;
    this.timer = timer;
  }

  /** The pause after the given number of failures in a row: first, doubled each time, capped. */
  static Duration pauseAfter(int failuresInARow, Duration first, Duration max) {
    long factor = 1L << Math.min(Math.max(failuresInARow, 1) - 1, 20);
    Duration pause = first.multipliedBy(factor);
    return pause.compareTo(max) > 0 ? max : pause;
  }

  Duration stableUptime() {
    return stableUptime;
  }

  /** Counts one failure and sets when the next start is allowed. */
  void recordFailure(FunctionReplicas f, String reason) {
    f.failuresInARow++;
    f.lastFailure = reason;
    f.lastFailureAt = Instant.now();
    Duration pause = pauseAfter(f.failuresInARow, first, max);
    f.retryAt = f.lastFailureAt.plus(pause);
    LOG.warnf(
        "replica start failed function=%s failuresInARow=%d retryIn=%dms reason=\"%s\"",
        f.key, f.failuresInARow, pause.toMillis(), reason);
  }

  /**
   * Whether starts of the function must wait; if so, makes sure {@code retry} runs once the pause
   * is over.
   */
  boolean holdsStarts(FunctionReplicas f, Runnable retry) {
    Instant now = Instant.now();
    if (f.retryAt == null || !now.isBefore(f.retryAt)) {
      return false;
    }
    if (f.retry == null || f.retry.isDone()) {
      long delay = Duration.between(now, f.retryAt).toMillis() + 1;
      f.retry = timer.schedule(retry, delay, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  /**
   * A replica became ready: further starts need not wait. The failure count stays until the replica
   * proves stable; {@code checkStable} runs after the stable uptime and should call {@link
   * #markStableIfStillUp} under the lock.
   */
  void onReady(FunctionReplicas f, Runnable checkStable) {
    f.retryAt = null;
    if (f.failuresInARow > 0 && !timer.isShutdown()) {
      timer.schedule(checkStable, stableUptime.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Resets the count if the replica is still ready and nothing failed since it became ready. */
  void markStableIfStillUp(FunctionReplicas f, Replica r) {
    boolean failedSince = f.lastFailureAt != null && f.lastFailureAt.isAfter(r.readyAt);
    if (r.state == ReplicaState.READY && f.failuresInARow > 0 && !failedSince) {
      LOG.infof(
          "function stable again function=%s replica=%s failuresInARow=%d",
          f.key, r.id, f.failuresInARow);
      f.failuresInARow = 0;
    }
  }

  /** Forgets the failures (spec change, delete, shutdown); the last reason is dropped too. */
  static void clear(FunctionReplicas f) {
    f.failuresInARow = 0;
    f.lastFailure = null;
    f.lastFailureAt = null;
    f.retryAt = null;
    if (f.retry != null) {
      f.retry.cancel(false);
      f.retry = null;
    }
  }
}
