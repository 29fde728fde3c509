package io.zeroscale.router.route;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.router.load.FunctionLoadMeter;
import io.zeroscale.router.load.FunctionMeters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where requests for one function go: its settings (timeout, hard concurrency limit), its replicas
 * and their in-flight counts, its load meter. Read on every request without locks (volatile
 * snapshots); written by catalog and endpoint events.
 */
public final class FunctionRoute {

  private final FunctionKey key;
  private final FunctionLoadMeter load;
  private final FunctionMeters meters;
  private final RouteListener listener;
  private final ReplicaIndex index;
  private volatile long timeoutMillis;
  private volatile int containerConcurrency;
  private volatile Replica[] ready = new Replica[0];
  private volatile Map<String, Replica> byId = Map.of();
  private volatile boolean deleted;
  private int rotation;

  FunctionRoute(
      FunctionKey key,
      FunctionLoadMeter load,
      FunctionMeters meters,
      RouteListener listener,
      ReplicaIndex index) {
    this.key = key;
    this.index = index;
    this.load = load;
    this.meters = meters;
    this.listener = listener;
  }

  public FunctionKey key() {
    return key;
  }

  public FunctionLoadMeter load() {
    return load;
  }

  public FunctionMeters meters() {
    return meters;
  }

  /** Longest wait for a replica's response headers; 504 after. */
  public long timeoutMillis() {
    return timeoutMillis;
  }

  /** Hard limit of concurrent requests per replica, 0 for none. */
  public int containerConcurrency() {
    return containerConcurrency;
  }

  public int readyCount() {
    return ready.length;
  }

  public boolean deleted() {
    return deleted;
  }

  /** The function was deleted: no new requests; replicas stay countable while requests run. */
  synchronized void markDeleted() {
    deleted = true;
    ready = new Replica[0];
    for (Replica replica : byId.values()) {
      index.retire(replica);
    }
    byId = Map.of();
  }

  void spec(Function function) {
    timeoutMillis = function.spec().timeoutDuration().toMillis();
    Integer cc = function.spec().scalingOrDefaults().containerConcurrency();
    containerConcurrency = cc == null ? 0 : cc;
  }

  /** Applies an endpoint snapshot; replicas keep their identity (and counts) across snapshots. */
  synchronized void endpoints(List<Endpoint> endpoints) {
    if (deleted) {
      return;
    }
    Map<String, Replica> previous = byId;
    Map<String, Replica> next = new HashMap<>();
    List<Replica> readyNow = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      Replica replica = index.obtain(key, endpoint);
      next.put(replica.id(), replica);
      if (endpoint.isReady()) {
        readyNow.add(replica);
      }
    }
    // A replica dropped from the snapshot while requests still run on it stays countable (in the
    // index), so a backend that removes an endpoint first and then waits for its in-flight count
    // sees the truth.
    for (Replica gone : previous.values()) {
      if (next.get(gone.id()) != gone) {
        index.retire(gone);
      }
    }
    byId = Map.copyOf(next);
    ready = readyNow.toArray(new Replica[0]);
  }

  /** The replica with this id, if the last snapshot listed it. */
  public Replica replica(String id) {
    return byId.get(id);
  }

  /**
   * Reserves a slot on the ready replica with the fewest in-flight requests, below the hard limit,
   * skipping replicas in {@code tried} and those that refused a connection a moment ago.
   *
   * @return the reserved replica (release it with {@link #release}), or null when none has room
   */
  public Replica acquire(List<Replica> tried) {
    Replica[] candidates = ready;
    int n = candidates.length;
    if (n == 0) {
      return null;
    }
    int limit = containerConcurrency;
    long now = System.nanoTime();
    // Rotating the start spreads ties; the counter is racy on purpose (only fairness depends on
    // it).
    int start = (rotation++ & Integer.MAX_VALUE) % n;
    for (int attempt = 0; attempt < 3; attempt++) {
      Replica best = null;
      int bestCount = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        Replica r = candidates[(start + i) % n];
        int count = r.inFlight();
        if (count >= bestCount
            || (limit > 0 && count >= limit)
            || r.refusing(now)
            || (tried != null && tried.contains(r))) {
          continue;
        }
        best = r;
        bestCount = count;
      }
      if (best == null) {
        return null;
      }
      if (best.tryAcquire(limit)) {
        load.proxyStarted();
        return best;
      }
    }
    return null;
  }

  /** Gives a slot back and, when requests wait in the activator, tells it a slot is free. */
  public void release(Replica replica) {
    replica.release();
    index.released(replica);
    load.proxyEnded();
    if (load.queued() > 0) {
      listener.onCapacity(this);
    }
  }

  @Override
  public String toString() {
    return key.toString();
  }
}
