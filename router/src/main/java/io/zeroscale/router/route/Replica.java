package io.zeroscale.router.route;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One replica of a function as the router tracks it: its address, its state and the requests the
 * data path has in flight on it. The same object lives across endpoint snapshots so the count
 * survives state changes, endpoint removal and the deletion (and re-creation) of its function: see
 * {@link ReplicaIndex}.
 */
public final class Replica {

  private final FunctionKey key;
  private final String id;
  private final String host;
  private final int port;
  private volatile Endpoint.State state;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile long refusedUntilNanos;
  // No route lists it any more (endpoint gone or function deleted); dropped when idle.
  private volatile boolean retired;

  Replica(FunctionKey key, Endpoint endpoint) {
    this.key = key;
    this.id = endpoint.id();
    this.host = endpoint.host();
    this.port = endpoint.port();
    this.state = endpoint.state();
  }

  FunctionKey key() {
    return key;
  }

  boolean retired() {
    return retired;
  }

  void retired(boolean value) {
    retired = value;
  }

  public String id() {
    return id;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Endpoint.State state() {
    return state;
  }

  void state(Endpoint.State value) {
    state = value;
  }

  public int inFlight() {
    return inFlight.get();
  }

  boolean sameAddress(Endpoint endpoint) {
    return host.equals(endpoint.host()) && port == endpoint.port();
  }

  /** Takes one slot unless {@code limit} (> 0) slots are taken already. */
  boolean tryAcquire(int limit) {
    while (true) {
      int now = inFlight.get();
      if (limit > 0 && now >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives one slot back; returns the count left. */
  int release() {
    return inFlight.decrementAndGet();
  }

  /** True while new requests are kept off this replica after a refused connection. */
  public boolean refusing(long nowNanos) {
    return refusedUntilNanos - nowNanos > 0;
  }

  /** Called when a connection to this replica failed: keeps new requests off it for a while. */
  public void markRefused(long backoffNanos) {
    refusedUntilNanos = System.nanoTime() + backoffNanos;
  }

  @Override
  public String toString() {
    return id + "@" + host + ":" + port;
  }
}
