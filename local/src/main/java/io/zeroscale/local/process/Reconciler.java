package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.InFlightRequests;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The orchestrator's state and the one lock that guards it: every function's replicas, the start
 * queue, the restart backoff. Applies {@link ReconcilePlan}s under the lock (decisions and
 * bookkeeping only) and hands the slow work (launch, probe, stop) to {@link ReplicaLife} on worker
 * threads. Endpoint changes are queued to the broadcaster, whose watchers run outside the lock.
 */
final class Reconciler {

  private static final Logger LOG = Logger.getLogger(Reconciler.class);

  /** Guards every field of this class, of {@link FunctionReplicas} and of {@link Replica}. */
  final Object lock = new Object();

  private final Map<FunctionKey, FunctionReplicas> functions = new HashMap<>();
  private final StartQueue startQueue;
  private final RestartBackoff backoff;
  private final EndpointBroadcaster broadcaster;
  private final Supplier<InFlightRequests> inFlight;
  private final String replicaHost;
  private final ExecutorService workers;
  private final ReplicaLife life;
  private long sequence;
  private boolean closed;

  Reconciler(
      int maxConcurrentStarts,
      String replicaHost,
      RestartBackoff backoff,
      EndpointBroadcaster broadcaster,
      Supplier<InFlightRequests> inFlight,
      ExecutorService workers,
      ReplicaLife.Parts parts) {
    this.startQueue = new StartQueue(maxConcurrentStarts);
    this.replicaHost = replicaHost;
    this.backoff = backoff;
    this.broadcaster = broadcaster;
    this.inFlight = inFlight;
    this.workers = workers;
    this.life = new ReplicaLife(this, parts);
  }

  // ---- state, all under the lock ----

  FunctionReplicas get(FunctionKey key) {
    return functions.get(key);
  }

  FunctionReplicas getOrAdd(FunctionKey key) {
    return functions.computeIfAbsent(key, k -> new FunctionReplicas(k, 0));
  }

  /** Adds a function known from the stored scales, before anything runs. */
  void restore(FunctionKey key, int desired) {
    functions.put(key, new FunctionReplicas(key, desired));
  }

  List<FunctionReplicas> all() {
    return List.copyOf(functions.values());
  }

  RestartBackoff backoff() {
    return backoff;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * From now on nothing starts, and every replica is stopped (drained, then SIGTERM); returns false
   * if that was already done.
   */
  boolean closeAndStopAll() {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      for (FunctionReplicas f : List.copyOf(functions.values())) {
        RestartBackoff.clear(f);
        List.copyOf(f.replicas).stream()
            .filter(r -> r.state != ReplicaState.TERMINATING)
            .forEach(this::stop);
      }
      return true;
    }
  }

  /** Waits (bounded) until every replica's process is gone; returns how many are left. */
  int awaitNoReplicas(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline && replicaCount() > 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return replicaCount();
  }

  private int replicaCount() {
    synchronized (lock) {
      return functions.values().stream().mapToInt(f -> f.replicas.size()).sum();
    }
  }

  void forgetIfGone(FunctionReplicas f) {
    if (f.deleted && f.replicas.isEmpty()) {
      functions.remove(f.key, f);
    }
  }

  // ---- reconciling ----

  /** Moves the function's replicas towards what is wanted; decisions only, no waiting. */
  void reconcile(FunctionReplicas f) {
    if (closed) {
      return;
    }
    ReconcilePlan plan =
        ReconcilePlan.decide(
            f.replicas,
            f.function == null ? null : f.function.spec().workload(),
            f.function == null ? 0 : f.desired,
            r -> inFlight.get().count(r.key, r.id));
    if (plan.starts() > 0 && !backoff.holdsStarts(f, () -> reconcileLater(f))) {
      queueStarts(f, plan.starts());
    }
    plan.stops().forEach(this::stop);
    publish(f);
    dispatchStarts();
  }

  private void queueStarts(FunctionReplicas f, int count) {
    for (int i = 0; i < count; i++) {
      Replica r = new Replica(newReplicaId(f), f.key, f.function.spec(), sequence++);
      f.replicas.add(r);
      startQueue.add(r);
    }
  }

  private void reconcileLater(FunctionReplicas f) {
    synchronized (lock) {
      if (functions.get(f.key) == f) {
        reconcile(f);
      }
    }
  }

  /**
   * Takes a replica out of service: a pending one is dropped, a launched one drained and stopped.
   */
  void stop(Replica r) {
    FunctionReplicas f = functions.get(r.key);
    if (r.state == ReplicaState.PENDING) {
      startQueue.remove(r);
      f.replicas.remove(r);
      return;
    }
    r.stopRequested = true;
    r.state = ReplicaState.TERMINATING;
    startQueue.release(r);
    LOG.infof("replica stopping function=%s replica=%s port=%d", r.key, r.id, r.port);
    publish(f);
    if (r.launched()) {
      workers.execute(() -> life.stopProcess(r));
    }
    // Not launched yet: its launch task sees stopRequested and stops it.
  }

  /** Gives free start slots to queued replicas, most urgent first. */
  void dispatchStarts() {
    Replica r;
    while ((r = startQueue.next(this::startPriority)) != null) {
      r.state = ReplicaState.STARTING;
      Replica starting = r;
      workers.execute(() -> life.launchAndProbe(starting));
    }
  }

  /** Gives back a replica's start slot; harmless if it holds none. */
  void releaseSlot(Replica r) {
    startQueue.release(r);
  }

  /** 0 for the first replica of a function waking from zero: it must not wait behind others. */
  private int startPriority(Replica r) {
    FunctionReplicas f = functions.get(r.key);
    boolean anyReady = f.count(ReplicaState.READY) > 0;
    boolean anyStarting = f.replicas.stream().anyMatch(o -> o.holdsSlot);
    return anyReady ? 2 : anyStarting ? 1 : 0;
  }

  /** Tells watchers where the function's launched replicas are, if that changed. */
  void publish(FunctionReplicas f) {
    List<Endpoint> endpoints =
        f.replicas.stream().filter(Replica::launched).map(r -> r.toEndpoint(replicaHost)).toList();
    if (!endpoints.equals(f.published)) {
      f.published = endpoints;
      broadcaster.publish(f.key, endpoints);
    }
  }

  private static String newReplicaId(FunctionReplicas f) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    while (true) {
      StringBuilder id = new StringBuilder(f.key.name()).append('-');
      for (int i = 0; i < 6; i++) {
        id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
      }
      String candidate = id.toString();
      if (f.replicas.stream().noneMatch(r -> r.id.equals(candidate))) {
        return candidate;
      }
    }
  }
}
