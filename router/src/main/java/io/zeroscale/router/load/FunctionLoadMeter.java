package io.zeroscale.router.load;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadTotals;

/**
 * Time-weighted concurrency of one function (requests proxied plus requests queued), integrated on
 * every change so that {@link #collect} can return the average over the window since the previous
 * call. One short lock per change: two or so event loops contend, never a collection. The same
 * integral also runs on without windows, for {@link #totals} (what other instances read).
 */
public final class FunctionLoadMeter {

  private final FunctionKey key;
  // Written under the lock, read without it on the hot path.
  private volatile int inFlight;
  private volatile int queued;
  private long requests;
  private long windowStartNanos;
  private long lastChangeNanos;
  private double area;
  private long totalRequests;
  private double totalArea;

  public FunctionLoadMeter(FunctionKey key) {
    this.key = key;
    this.windowStartNanos = System.nanoTime();
    this.lastChangeNanos = windowStartNanos;
  }

  /** A request for this function arrived at the router. */
  public synchronized void arrived() {
    requests++;
    totalRequests++;
  }

  public void proxyStarted() {
    change(1, 0);
  }

  public void proxyEnded() {
    change(-1, 0);
  }

  public void enqueued() {
    change(0, 1);
  }

  public void dequeued() {
    change(0, -1);
  }

  /** Requests proxied to replicas now. */
  public int inFlight() {
    return inFlight;
  }

  /** Requests waiting in the activator now; read on every routed request (FIFO fairness). */
  public int queued() {
    return queued;
  }

  private synchronized void change(int inFlightDelta, int queuedDelta) {
    integrate(System.nanoTime());
    inFlight = inFlight + inFlightDelta;
    queued = queued + queuedDelta;
  }

  /** The load since the previous call; starts a new window. */
  public synchronized FunctionLoad collect() {
    long now = System.nanoTime();
    integrate(now);
    long window = now - windowStartNanos;
    double average = window > 0 ? area / window : inFlight + queued;
    FunctionLoad load = new FunctionLoad(key, average, inFlight, queued, requests);
    area = 0;
    requests = 0;
    windowStartNanos = now;
    return load;
  }

  /** The running totals at {@code nanos} ({@link System#nanoTime}); changes no window. */
  public synchronized LoadTotals totals(long nanos) {
    integrate(Math.max(nanos, lastChangeNanos));
    return new LoadTotals(key, totalRequests, totalArea / 1e9, inFlight, queued);
  }

  private void integrate(long now) {
    double added = (double) (inFlight + queued) * (now - lastChangeNanos);
    area += added;
    totalArea += added;
    lastChangeNanos = now;
  }
}
