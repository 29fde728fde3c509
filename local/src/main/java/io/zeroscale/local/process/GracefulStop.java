package io.zeroscale.local.process;

import io.zeroscale.api.spi.InFlightRequests;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stops one replica without cutting requests short. The caller has already published it as
 * terminating (so routers stop sending to it); this waits until the data path has nothing in flight
 * on it (bounded by the drain timeout and the function's own request timeout), sends SIGTERM, waits
 * the grace period, and sends SIGKILL to it and its descendants if it is still there.
 */
final class GracefulStop {

  private static final Logger LOG = Logger.getLogger(GracefulStop.class);
  private static final long POLL_MS = 10;

  /**
   * Endpoint changes reach the data path asynchronously, and a router may have placed a request on
   * the replica just before it saw "terminating". Waiting this long before trusting a zero count
   * closes that window (on Kubernetes a pre-stop wait plays the same role).
   */
  static final long PROPAGATION_MS = 100;

  private final Duration drainTimeout;
  private final Duration gracePeriod;
  private final Supplier<InFlightRequests> inFlight;

  GracefulStop(Duration drainTimeout, Duration gracePeriod, Supplier<InFlightRequests> inFlight) {
    this.drainTimeout = drainTimeout;
    this.gracePeriod = gracePeriod;
    this.inFlight = inFlight;
  }

  void stop(Replica replica, Process process) throws InterruptedException {
    drain(replica, process);
    process.destroy();
    if (process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
      return;
    }
    LOG.warnf(
        "replica ignored SIGTERM, sending SIGKILL function=%s replica=%s pid=%d grace=%dms",
        replica.key, replica.id, process.pid(), gracePeriod.toMillis());
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private void drain(Replica replica, Process process) throws InterruptedException {
    Duration bound = drainTimeout;
    Duration functionTimeout = replica.spec.timeoutDuration();
    if (functionTimeout.compareTo(bound) < 0) {
      bound = functionTimeout;
    }
    long deadline = System.nanoTime() + bound.toNanos();
    Thread.sleep(PROPAGATION_MS);
    int count = inFlight.get().count(replica.key, replica.id);
    while (count > 0 && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(POLL_MS);
      count = inFlight.get().count(replica.key, replica.id);
    }
    if (count > 0 && process.isAlive()) {
      LOG.warnf(
          "drain timed out, stopping anyway function=%s replica=%s inFlight=%d drainTimeout=%dms",
          replica.key, replica.id, count, bound.toMillis());
    }
  }
}
