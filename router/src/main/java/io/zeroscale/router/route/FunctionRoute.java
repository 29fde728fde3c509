package io.zeroscale.router.route;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.router.load.FunctionLoadMeter;
import io.zeroscale.router.load.FunctionMeters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private volatile String readinessPath = "/";
  private volatile Replica[] ready = new Replica[0];
  private volatile Replica[] starting = new Replica[0];
  private volatile Map<String, Replica> byId = Map.of();
  // Ids of STARTING replicas that answered the activator's probe: routable before the backend says
  // READY. Guarded by this.
  private final Set<String> probedReady = new HashSet<>();
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

  /** The path the backend probes for readiness; the activator probes starting replicas on it. */
  public String readinessPath() {
    return readinessPath;
  }

  /** Replicas the last snapshot listed as starting that have not answered a probe yet. */
  public List<Replica> starting() {
    return List.of(starting);
  }

  /** True while the replica is in the current snapshot, starting, and not yet probed ready. */
  public boolean isStarting(Replica replica) {
    for (Replica r : starting) {
      if (r == replica) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes a starting replica routable because it answered a readiness probe, ahead of the backend's
   * READY (on Kubernetes, the kubelet → API server → EndpointSlice → watch chain costs hundreds of
   * milliseconds). It stays routable while later snapshots list it as starting or ready.
   *
   * @return true when the replica was promoted; false when it is no longer starting
   */
  public synchronized boolean promote(Replica replica) {
    if (deleted || !isStarting(replica)) {
      return false;
    }
    probedReady.add(replica.id());
    List<Replica> readyNow = new ArrayList<>(List.of(ready));
    readyNow.add(replica);
    List<Replica> startingNow = new ArrayList<>(List.of(starting));
    startingNow.remove(replica);
    ready = readyNow.toArray(new Replica[0]);
    starting = startingNow.toArray(new Replica[0]);
    return true;
  }

  public boolean deleted() {
    return deleted;
  }

  /** The function was deleted: no new requests; replicas stay countable while requests run. */
  synchronized void markDeleted() {
    deleted = true;
    ready = new Replica[0];
    starting = new Replica[0];
    probedReady.clear();
    for (Replica replica : byId.values()) {
      index.retire(replica);
    }
    byId = Map.of();
  }

  void spec(Function function) {
    timeoutMillis = function.spec().timeoutDuration().toMillis();
    Integer cc = function.spec().scalingOrDefaults().containerConcurrency();
    containerConcurrency = cc == null ? 0 : cc;
    var readiness = function.spec().readiness();
    readinessPath = readiness == null || readiness.path() == null ? "/" : readiness.path();
  }

  /** Applies an endpoint snapshot; replicas keep their identity (and counts) across snapshots. */
  synchronized void endpoints(List<Endpoint> endpoints) {
    if (deleted) {
      return;
    }
    Map<String, Replica> previous = byId;
    Map<String, Replica> next = new HashMap<>();
    List<Replica> readyNow = new ArrayList<>();
    List<Replica> startingNow = new ArrayList<>();
    Set<String> stillProbedReady = new HashSet<>();
    for (Endpoint endpoint : endpoints) {
      Replica replica = index.obtain(key, endpoint);
      next.put(replica.id(), replica);
      if (endpoint.isReady()) {
        readyNow.add(replica);
      } else if (endpoint.state() == Endpoint.State.STARTING) {
        if (probedReady.contains(replica.id())) {
          stillProbedReady.add(replica.id());
          readyNow.add(replica);
        } else {
          startingNow.add(replica);
        }
      }
    }
    probedReady.retainAll(stillProbedReady);
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
    starting = startingNow.toArray(new Replica[0]);
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
