package io.zeroscale.local.process;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.InFlightRequests;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.local.LocalBackendConfig;
import io.zeroscale.local.logs.ReplicaLogs;
import io.zeroscale.local.port.PortAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs functions as child processes on this machine, and tells the data path where they are.
 *
 * <p>Callers only record what they want ({@link #apply}, {@link #scale}, {@link #delete}) and
 * return at once; the orchestrator reconciles under its lock (decisions only) and does the slow
 * work on worker threads: launch, readiness probing, draining and stopping. Endpoint watchers are
 * called on a delivery thread, never under the lock.
 *
 * <p>Restart: the desired scale of every function is stored under {@code <dataDir>/scale} and
 * leftover replicas of a crashed platform are killed at construction. The platform then calls
 * {@link #apply} for each function of the catalog: a function with a stored scale comes back with
 * that many replicas, without a {@link #scale} call. Replicas of a function are started only once
 * it has been applied.
 */
public final class LocalOrchestrator implements Orchestrator, Endpoints, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalOrchestrator.class);

  private final LocalBackendConfig config;
  private final PortAllocator ports;
  private final ReplicaLogs logs;
  private final PidFiles pidFiles;
  private final DesiredScaleStore scaleStore;
  private final ReplicaLauncher launcher;
  private final GracefulStop gracefulStop;
  private final EndpointBroadcaster broadcaster = new EndpointBroadcaster();
  private final List<ReplicaStartupListener> startupListeners = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private volatile InFlightRequests inFlight;

  private final Object lock = new Object();
  private final Map<FunctionKey, FunctionReplicas> functions = new HashMap<>();
  private final StartQueue startQueue;
  private long sequence;
  private boolean closed;

  /** An orchestrator without a data path: nothing is ever in flight when a replica stops. */
  public LocalOrchestrator(LocalBackendConfig config) {
    this(config, InFlightRequests.NONE);
  }

  /**
   * Kills leftover replicas of a previous run and loads the stored desired scales.
   *
   * @param inFlight the data path's count of requests in flight per replica, waited for before a
   *     replica gets SIGTERM (can be set later with {@link #setInFlightRequests})
   */
  public LocalOrchestrator(LocalBackendConfig config, InFlightRequests inFlight) {
    this.config = config;
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
    this.ports = new PortAllocator(config.portRangeStart(), config.portRangeEnd());
    this.logs = new ReplicaLogs(config.logsDir(), config.logFilesPerFunction());
    this.pidFiles = new PidFiles(config.runDir());
    this.scaleStore = new DesiredScaleStore(config.scaleDir());
    this.launcher = new ReplicaLauncher();
    this.gracefulStop =
        new GracefulStop(config.drainTimeout(), config.stopGracePeriod(), () -> this.inFlight);
    this.startQueue = new StartQueue(config.maxConcurrentStarts());
    this.workers = Executors.newCachedThreadPool(daemon("zeroscale-replica"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("zeroscale-restart-backoff"));
    int reaped = pidFiles.reapLeftovers();
    Map<FunctionKey, Integer> stored = scaleStore.load();
    stored.forEach((key, n) -> functions.put(key, new FunctionReplicas(key, n)));
    LOG.infof(
        "local backend started dataDir=%s ports=%d-%d maxConcurrentStarts=%d setpriv=%s"
            + " leftoversKilled=%d storedScales=%d",
        config.dataDir(),
        config.portRangeStart(),
        config.portRangeEnd(),
        config.maxConcurrentStarts(),
        launcher.usesSetpriv(),
        reaped,
        stored.size());
  }

  /** Sets the data path's in-flight counter (the router's), once it exists. */
  public void setInFlightRequests(InFlightRequests value) {
    this.inFlight = Objects.requireNonNull(value, "inFlight");
  }

  /** Adds a listener of replica start-up times (e.g. {@link MicrometerStartupTimer}). */
  public void addStartupListener(ReplicaStartupListener listener) {
    startupListeners.add(listener);
  }

  /** The replicas' output, for {@code zeroscale logs}. */
  public ReplicaLogs logs() {
    return logs;
  }

  // ---- Orchestrator ----

  /**
   * Starts running the function at its desired scale (a stored one after a restart, else what
   * {@link #scale} set, else 0). A changed spec rolls the replicas: new ones start, old ones stop
   * once enough new ones are ready.
   *
   * @throws IllegalArgumentException if the function is invalid or has no {@code spec.command}
   */
  @Override
  public void apply(Function function) {
    FunctionValidator.requireValid(function);
    Function applied = function.withDefaults();
    FunctionKey key = applied.key();
    if (applied.spec().command().isEmpty()) {
      throw new IllegalArgumentException(
          "function "
              + key
              + " has no spec.command: the local backend runs a command per replica; add one"
              + " such as [java, -jar, target/quarkus-app/quarkus-run.jar]");
    }
    synchronized (lock) {
      requireOpen();
      FunctionReplicas f = functions.computeIfAbsent(key, k -> new FunctionReplicas(k, 0));
      // Only a change to what a replica runs rolls the replicas; new scaling bounds or a new
      // timeout apply to the running ones.
      boolean changed =
          f.function != null && !f.function.spec().workload().equals(applied.spec().workload());
      if (f.function == null || changed) {
        LOG.infof(
            "function applied function=%s generation=%s desired=%d specChanged=%s",
            key, applied.metadata().generation(), f.desired, changed);
      }
      if (changed) {
        clearFailures(f);
      }
      f.function = applied;
      f.deleted = false;
      reconcile(f);
    }
  }

  @Override
  public void scale(FunctionKey key, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException(
          "cannot scale function " + key + " to " + replicas + " replicas; use 0 or more");
    }
    synchronized (lock) {
      requireOpen();
      FunctionReplicas f = functions.computeIfAbsent(key, k -> new FunctionReplicas(k, 0));
      if (f.desired != replicas) {
        LOG.infof("scale set function=%s desired=%d previous=%d", key, replicas, f.desired);
        f.desired = replicas;
        scaleStore.write(key, replicas);
      }
      reconcile(f);
    }
  }

  @Override
  public void delete(FunctionKey key) {
    synchronized (lock) {
      requireOpen();
      scaleStore.delete(key);
      FunctionReplicas f = functions.get(key);
      if (f == null) {
        return;
      }
      LOG.infof("function deleted function=%s replicasStopping=%d", key, f.replicas.size());
      f.function = null;
      f.desired = 0;
      f.deleted = true;
      clearFailures(f);
      reconcile(f);
      forgetIfGone(f);
    }
  }

  @Override
  public Scale currentScale(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = functions.get(key);
      return f == null || f.deleted
          ? Scale.NONE
          : new Scale(f.desired, (int) f.count(ReplicaState.READY));
    }
  }

  /** Desired replicas of every function known, including stored ones not applied yet. */
  public Map<FunctionKey, Integer> desiredScales() {
    synchronized (lock) {
      return functions.values().stream()
          .filter(f -> !f.deleted)
          .collect(Collectors.toUnmodifiableMap(f -> f.key, f -> f.desired));
    }
  }

  /** The function's replicas with their details, for {@code zeroscale describe}. */
  public List<ReplicaInfo> replicas(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = functions.get(key);
      return f == null ? List.of() : f.replicas.stream().map(Replica::toInfo).toList();
    }
  }

  /** Why the function's last replica start failed, if one did; cleared by a spec change. */
  public Optional<StartFailure> lastStartFailure(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = functions.get(key);
      return f == null ? Optional.empty() : Optional.ofNullable(f.startFailure());
    }
  }

  // ---- Endpoints ----

  @Override
  public List<Endpoint> current(FunctionKey key) {
    return broadcaster.current(key);
  }

  @Override
  public AutoCloseable watch(Listener listener) {
    return broadcaster.watch(listener);
  }

  // ---- reconciling (all under the lock) ----

  /** Moves the function's replicas towards what is wanted; decisions only, no waiting. */
  private void reconcile(FunctionReplicas f) {
    if (closed) {
      return;
    }
    int want = f.function == null ? 0 : f.desired;
    List<Replica> current = new ArrayList<>();
    List<Replica> outdated = new ArrayList<>();
    for (Replica r : f.replicas) {
      if (r.state == ReplicaState.TERMINATING) {
        continue;
      }
      boolean upToDate =
          f.function != null && r.spec.workload().equals(f.function.spec().workload());
      (upToDate ? current : outdated).add(r);
    }
    int missing = want - current.size();
    if (missing > 0) {
      queueStarts(f, missing);
    } else if (missing < 0) {
      pickToStop(current, -missing).forEach(this::stop);
    }
    // Rolling: an old replica keeps serving until a new one is ready to take its place.
    long currentReady = current.stream().filter(r -> r.state == ReplicaState.READY).count();
    long outdatedReady = outdated.stream().filter(r -> r.state == ReplicaState.READY).count();
    long keep = Math.min(outdatedReady, Math.max(0, want - currentReady));
    pickToStop(outdated, (int) (outdated.size() - keep)).forEach(this::stop);
    publish(f);
    dispatchStarts();
  }

  private void queueStarts(FunctionReplicas f, int count) {
    Instant now = Instant.now();
    if (f.retryAt != null && now.isBefore(f.retryAt)) {
      if (f.retry == null || f.retry.isDone()) {
        long delay = Duration.between(now, f.retryAt).toMillis() + 1;
        f.retry = timer.schedule(() -> reconcileLater(f), delay, TimeUnit.MILLISECONDS);
      }
      return;
    }
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

  /** Not-ready replicas first (pending, then starting), then the ready ones with least load. */
  private List<Replica> pickToStop(List<Replica> candidates, int count) {
    if (count <= 0) {
      return List.of();
    }
    Map<Replica, Integer> load = new HashMap<>();
    for (Replica r : candidates) {
      load.put(r, r.state == ReplicaState.READY ? inFlight.count(r.key, r.id) : 0);
    }
    return candidates.stream()
        .sorted(
            Comparator.comparingInt((Replica r) -> r.state.ordinal())
                .thenComparingInt(load::get)
                .thenComparing(Comparator.comparingLong((Replica r) -> r.sequence).reversed()))
        .limit(count)
        .toList();
  }

  private void stop(Replica r) {
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
      workers.execute(() -> stopProcess(r));
    }
    // Not launched yet: its launch task sees stopRequested and stops it.
  }

  private void dispatchStarts() {
    Replica r;
    while ((r = startQueue.next(this::startPriority)) != null) {
      r.state = ReplicaState.STARTING;
      Replica starting = r;
      workers.execute(() -> launchAndProbe(starting));
    }
  }

  /** 0 for the first replica of a function waking from zero: it must not wait behind others. */
  private int startPriority(Replica r) {
    FunctionReplicas f = functions.get(r.key);
    boolean anyReady = f.count(ReplicaState.READY) > 0;
    boolean anyStarting = f.replicas.stream().anyMatch(o -> o.holdsSlot);
    return anyReady ? 2 : anyStarting ? 1 : 0;
  }

  private void publish(FunctionReplicas f) {
    List<Endpoint> endpoints =
        f.replicas.stream()
            .filter(Replica::launched)
            .map(r -> r.toEndpoint(config.replicaHost()))
            .toList();
    if (!endpoints.equals(f.published)) {
      f.published = endpoints;
      broadcaster.publish(f.key, endpoints);
    }
  }

  private void recordFailure(FunctionReplicas f, String reason) {
    f.failuresInARow++;
    f.lastFailure = reason;
    f.lastFailureAt = Instant.now();
    long factor = 1L << Math.min(f.failuresInARow - 1, 20);
    Duration backoff = config.restartBackoff().multipliedBy(factor);
    if (backoff.compareTo(config.maxRestartBackoff()) > 0) {
      backoff = config.maxRestartBackoff();
    }
    f.retryAt = f.lastFailureAt.plus(backoff);
    LOG.warnf(
        "replica start failed function=%s failuresInARow=%d retryIn=%dms reason=\"%s\"",
        f.key, f.failuresInARow, backoff.toMillis(), reason);
  }

  private static void clearFailures(FunctionReplicas f) {
    f.failuresInARow = 0;
    f.lastFailure = null;
    f.lastFailureAt = null;
    f.retryAt = null;
    if (f.retry != null) {
      f.retry.cancel(false);
      f.retry = null;
    }
  }

  private void forgetIfGone(FunctionReplicas f) {
    if (f.deleted && f.replicas.isEmpty()) {
      functions.remove(f.key, f);
    }
  }

  private String newReplicaId(FunctionReplicas f) {
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

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the local backend is closed (the platform is stopping)");
    }
  }

  // ---- a replica's life (worker threads) ----

  private void launchAndProbe(Replica r) {
    int port = 0;
    Process process;
    try {
      synchronized (lock) {
        if (r.stopRequested) {
          discard(r);
          return;
        }
      }
      port = ports.allocate();
      Path logFile = logs.fileFor(r.key, r.id);
      process = launcher.launch(r.key, r.id, r.spec, port, logFile);
    } catch (IOException | RuntimeException e) {
      if (port > 0) {
        ports.release(port);
      }
      synchronized (lock) {
        recordFailure(
            functions.get(r.key),
            "could not launch "
                + r.spec.command()
                + ": "
                + e.getMessage()
                + " (check spec.command and spec.workingDir)");
        discard(r);
      }
      return;
    }
    boolean stopNow;
    Set<String> live;
    synchronized (lock) {
      r.port = port;
      r.process = process;
      r.startedAt = Instant.now();
      stopNow = r.stopRequested;
      FunctionReplicas f = functions.get(r.key);
      live = f.replicas.stream().map(o -> o.id).collect(Collectors.toSet());
      LOG.infof(
          "replica starting function=%s replica=%s pid=%d port=%d",
          r.key, r.id, process.pid(), port);
      publish(f);
    }
    pidFiles.write(r.key, r.id, process.toHandle());
    process.onExit().thenRun(() -> onExit(r));
    logs.prune(r.key, live);
    if (stopNow) {
      stopProcess(r);
    } else {
      probeUntilReady(r, process);
    }
  }

  /** Drops a replica that never got a process. */
  private void discard(Replica r) {
    FunctionReplicas f = functions.get(r.key);
    startQueue.release(r);
    f.replicas.remove(r);
    reconcile(f);
    forgetIfGone(f);
    dispatchStarts();
  }

  private void probeUntilReady(Replica r, Process process) {
    String path = r.spec.readiness() == null ? "/" : r.spec.readiness().withDefaults().path();
    long deadline = System.nanoTime() + config.startTimeout().toNanos();
    try {
      while (!r.stopRequested && process.isAlive()) {
        if (ReadinessProbe.isReady(config.replicaHost(), r.port, path)) {
          markReady(r);
          return;
        }
        if (System.nanoTime() > deadline) {
          giveUpStart(r, process, path);
          return;
        }
        Thread.sleep(config.probeInterval().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Stopped or exited: the stop task or the exit handler takes it from here.
  }

  private void markReady(Replica r) {
    Duration timeToReady;
    synchronized (lock) {
      if (r.state != ReplicaState.STARTING || r.stopRequested) {
        return;
      }
      FunctionReplicas f = functions.get(r.key);
      r.state = ReplicaState.READY;
      r.readyAt = Instant.now();
      startQueue.release(r);
      f.failuresInARow = 0;
      f.retryAt = null;
      timeToReady = Duration.between(r.startedAt, r.readyAt);
      LOG.infof(
          "replica ready function=%s replica=%s port=%d timeToReadyMs=%d",
          r.key, r.id, r.port, timeToReady.toMillis());
      reconcile(f);
    }
    for (ReplicaStartupListener listener : startupListeners) {
      try {
        listener.onReady(r.key, r.id, timeToReady);
      } catch (RuntimeException e) {
        LOG.warnf(e, "startup listener failed function=%s replica=%s", r.key, r.id);
      }
    }
  }

  private void giveUpStart(Replica r, Process process, String path) {
    synchronized (lock) {
      if (r.stopRequested) {
        return;
      }
      r.failure =
          "replica "
              + r.id
              + " did not answer GET "
              + path
              + " on port "
              + r.port
              + " within "
              + config.startTimeout().toMillis()
              + "ms; it was killed (see its output with zeroscale logs "
              + r.key.name()
              + ", or raise the start timeout)";
      recordFailure(functions.get(r.key), r.failure);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void stopProcess(Replica r) {
    try {
      gracefulStop.stop(r, r.process);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.process.destroyForcibly();
    }
  }

  private void onExit(Replica r) {
    int code = r.process.exitValue();
    synchronized (lock) {
      FunctionReplicas f = functions.get(r.key);
      startQueue.release(r);
      ports.release(r.port);
      f.replicas.remove(r);
      if (r.stopRequested) {
        LOG.infof("replica stopped function=%s replica=%s exitCode=%d", r.key, r.id, code);
      } else if (r.failure != null) {
        LOG.infof("replica killed after a failed start function=%s replica=%s", r.key, r.id);
      } else if (r.state == ReplicaState.STARTING) {
        recordFailure(
            f,
            "replica "
                + r.id
                + " exited with code "
                + code
                + " before answering its readiness probe; see its output with zeroscale logs "
                + r.key.name());
      } else {
        LOG.warnf(
            "replica crashed, replacing it function=%s replica=%s exitCode=%d", r.key, r.id, code);
      }
      publish(f);
      reconcile(f);
      forgetIfGone(f);
      dispatchStarts();
    }
    pidFiles.delete(r.key, r.id);
  }

  // ---- shutdown ----

  /**
   * Stops every replica (drain, SIGTERM, SIGKILL after the grace period) and waits for them to be
   * gone; stored desired scales are kept, so the next start brings the replicas back.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (FunctionReplicas f : List.copyOf(functions.values())) {
        clearFailures(f);
        List.copyOf(f.replicas).stream()
            .filter(r -> r.state != ReplicaState.TERMINATING)
            .forEach(this::stop);
      }
    }
    long deadline =
        System.nanoTime()
            + config.drainTimeout().plus(config.stopGracePeriod()).plusSeconds(10).toNanos();
    while (System.nanoTime() < deadline && replicaCount() > 0) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int left = replicaCount();
    if (left > 0) {
      LOG.warnf("local backend closed with replicas still stopping replicas=%d", left);
    } else {
      LOG.info("local backend closed, every replica stopped");
    }
    workers.shutdown();
    timer.shutdownNow();
    launcher.close();
    broadcaster.close();
  }

  private int replicaCount() {
    synchronized (lock) {
      return functions.values().stream().mapToInt(f -> f.replicas.size()).sum();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
