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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs functions as child processes on this machine, and tells the data path where they are.
 *
 * <p>A thin facade: callers only record what they want ({@link #apply}, {@link #scale}, {@link
 * #delete}) and return at once. The {@link Reconciler} owns the state and its one lock and applies
 * {@link ReconcilePlan}s; {@link ReplicaLife} does the slow work on worker threads (launch,
 * readiness probing, draining and stopping); {@link RestartBackoff} paces replicas that keep
 * failing. Endpoint watchers are called on a delivery thread, never under the lock.
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
  private final ReplicaLogs logs;
  private final DesiredScaleStore scaleStore;
  private final ReplicaLauncher launcher;
  private final EndpointBroadcaster broadcaster = new EndpointBroadcaster();
  private final List<ReplicaStartupListener> startupListeners = new CopyOnWriteArrayList<>();
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final Reconciler reconciler;
  private final Object lock;
  private volatile InFlightRequests inFlight;

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
    this.logs = new ReplicaLogs(config.logsDir(), config.logFilesPerFunction());
    this.scaleStore = new DesiredScaleStore(config.scaleDir());
    this.launcher = new ReplicaLauncher();
    this.workers = Executors.newCachedThreadPool(daemon("zeroscale-replica"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("zeroscale-restart-backoff"));
    PidFiles pidFiles = new PidFiles(config.runDir());
    this.reconciler = newReconciler(pidFiles);
    this.lock = reconciler.lock;
    int reaped = pidFiles.reapLeftovers();
    Map<FunctionKey, Integer> stored = scaleStore.load();
    stored.forEach(reconciler::restore);
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

  private Reconciler newReconciler(PidFiles pidFiles) {
    RestartBackoff backoff =
        new RestartBackoff(
            config.restartBackoff(), config.maxRestartBackoff(), config.stableUptime(), timer);
    GracefulStop gracefulStop =
        new GracefulStop(config.drainTimeout(), config.stopGracePeriod(), () -> this.inFlight);
    ReplicaLife.Parts parts =
        new ReplicaLife.Parts(
            config.probeInterval(),
            config.startTimeout(),
            config.replicaHost(),
            new PortAllocator(config.portRangeStart(), config.portRangeEnd()),
            logs,
            pidFiles,
            launcher,
            gracefulStop,
            startupListeners);
    return new Reconciler(
        config.maxConcurrentStarts(),
        config.replicaHost(),
        backoff,
        broadcaster,
        () -> this.inFlight,
        workers,
        parts);
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
      FunctionReplicas f = reconciler.getOrAdd(key);
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
        RestartBackoff.clear(f);
      }
      f.function = applied;
      f.deleted = false;
      reconciler.reconcile(f);
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
      FunctionReplicas f = reconciler.getOrAdd(key);
      if (f.desired != replicas) {
        LOG.infof("scale set function=%s desired=%d previous=%d", key, replicas, f.desired);
        f.desired = replicas;
        scaleStore.write(key, replicas);
      }
      reconciler.reconcile(f);
    }
  }

  @Override
  public void delete(FunctionKey key) {
    synchronized (lock) {
      requireOpen();
      scaleStore.delete(key);
      FunctionReplicas f = reconciler.get(key);
      if (f == null) {
        return;
      }
      LOG.infof("function deleted function=%s replicasStopping=%d", key, f.replicas.size());
      f.function = null;
      f.desired = 0;
      f.deleted = true;
      RestartBackoff.clear(f);
      reconciler.reconcile(f);
      reconciler.forgetIfGone(f);
    }
  }

  @Override
  public Scale currentScale(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = reconciler.get(key);
      return f == null || f.deleted
          ? Scale.NONE
          : new Scale(f.desired, (int) f.count(ReplicaState.READY));
    }
  }

  /** Desired replicas of every function known, including stored ones not applied yet. */
  public Map<FunctionKey, Integer> desiredScales() {
    synchronized (lock) {
      return reconciler.all().stream()
          .filter(f -> !f.deleted)
          .collect(Collectors.toUnmodifiableMap(f -> f.key, f -> f.desired));
    }
  }

  /** The function's replicas with their details, for {@code zeroscale describe}. */
  public List<ReplicaInfo> replicas(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = reconciler.get(key);
      return f == null ? List.of() : f.replicas.stream().map(Replica::toInfo).toList();
    }
  }

  /** Why the function's last replica start failed, if one did; cleared by a spec change. */
  public Optional<StartFailure> lastStartFailure(FunctionKey key) {
    synchronized (lock) {
      FunctionReplicas f = reconciler.get(key);
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

  private void requireOpen() {
    if (reconciler.isClosed()) {
      throw new IllegalStateException("the local backend is closed (the platform is stopping)");
    }
  }

  // ---- shutdown ----

  /**
   * Stops every replica (drain, SIGTERM, SIGKILL after the grace period) and waits for them to be
   * gone; stored desired scales are kept, so the next start brings the replicas back.
   */
  @Override
  public void close() {
    if (!reconciler.closeAndStopAll()) {
      return;
    }
    int left =
        reconciler.awaitNoReplicas(
            config.drainTimeout().plus(config.stopGracePeriod()).plusSeconds(10));
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

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
