package io.zeroscale.local.process;

import io.zeroscale.local.logs.ReplicaLogs;
import io.zeroscale.local.port.PortAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One replica's life on worker threads: launch, readiness probing, ready, a failed start, a crash,
 * a graceful stop, and the exit that ends it. The slow parts (launching, probing, waiting for exit)
 * run without the lock; every change of state takes the {@link Reconciler}'s lock, and startup
 * listeners are called after it is released.
 */
final class ReplicaLife {

  private static final Logger LOG = Logger.getLogger(ReplicaLife.class);

  /**
   * What a replica's life needs besides the reconciler.
   *
   * @param probeInterval pause between readiness probes
   * @param startTimeout longest wait for the first successful probe
   * @param replicaHost address replicas are probed at
   */
  record Parts(
      Duration probeInterval,
      Duration startTimeout,
      String replicaHost,
      PortAllocator ports,
      ReplicaLogs logs,
      PidFiles pidFiles,
      ReplicaLauncher launcher,
      GracefulStop gracefulStop,
      List<ReplicaStartupListener> startupListeners) {}

  private record Launched(Process process, int port) {}

  private final Reconciler reconciler;
  private final Parts parts;

  ReplicaLife(Reconciler reconciler, Parts parts) {
    this.reconciler = reconciler;
    this.parts = parts;
  }

  /** Launches the replica's process, then probes it until it is ready, fails or is stopped. */
  void launchAndProbe(Replica r) {
    synchronized (reconciler.lock) {
      if (r.stopRequested) {
        discard(r);
        return;
      }
    }
    Launched launched = launch(r);
    if (launched == null) {
      return;
    }
    Process process = launched.process();
    boolean stopNow;
    Set<String> live;
    synchronized (reconciler.lock) {
      r.port = launched.port();
      r.process = process;
      r.startedAt = Instant.now();
      stopNow = r.stopRequested;
      FunctionReplicas f = reconciler.get(r.key);
      live = f.replicas.stream().map(o -> o.id).collect(Collectors.toSet());
      LOG.infof(
          "replica starting function=%s replica=%s pid=%d port=%d",
          r.key, r.id, process.pid(), r.port);
      reconciler.publish(f);
    }
    parts.pidFiles().write(r.key, r.id, process.toHandle());
    process.onExit().thenRun(() -> onExit(r));
    parts.logs().prune(r.key, live);
    if (stopNow) {
      stopProcess(r);
    } else {
      probeUntilReady(r, process);
    }
  }

  /** Starts the process on a fresh port; null (failure recorded, replica dropped) if it cannot. */
  private Launched launch(Replica r) {
    int port = 0;
    try {
      port = parts.ports().allocate();
      Path logFile = parts.logs().fileFor(r.key, r.id);
      return new Launched(parts.launcher().launch(r.key, r.id, r.spec, port, logFile), port);
    } catch (IOException | RuntimeException e) {
      if (port > 0) {
        parts.ports().release(port);
      }
      synchronized (reconciler.lock) {
        reconciler
            .backoff()
            .recordFailure(
                reconciler.get(r.key),
                "could not launch "
                    + r.spec.command()
                    + ": "
                    + e.getMessage()
                    + " (check spec.command and spec.workingDir)");
        discard(r);
      }
      return null;
    }
  }

  /** Drops a replica that never got a process (under the lock). */
  private void discard(Replica r) {
    FunctionReplicas f = reconciler.get(r.key);
    reconciler.releaseSlot(r);
    f.replicas.remove(r);
    reconciler.reconcile(f);
    reconciler.forgetIfGone(f);
    reconciler.dispatchStarts();
  }

  private void probeUntilReady(Replica r, Process process) {
    String path = r.spec.readiness() == null ? "/" : r.spec.readiness().withDefaults().path();
    long deadline = System.nanoTime() + parts.startTimeout().toNanos();
    try {
      while (!r.stopRequested && process.isAlive()) {
        if (ReadinessProbe.isReady(parts.replicaHost(), r.port, path)) {
          markReady(r);
          return;
        }
        if (System.nanoTime() > deadline) {
          giveUpStart(r, process, path);
          return;
        }
        Thread.sleep(parts.probeInterval().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Stopped or exited: the stop task or the exit handler takes it from here.
  }

  private void markReady(Replica r) {
    Duration timeToReady;
    synchronized (reconciler.lock) {
      if (r.state != ReplicaState.STARTING || r.stopRequested) {
        return;
      }
      FunctionReplicas f = reconciler.get(r.key);
      r.state = ReplicaState.READY;
      r.readyAt = Instant.now();
      reconciler.releaseSlot(r);
      reconciler.backoff().onReady(f, () -> checkStable(r));
      timeToReady = Duration.between(r.startedAt, r.readyAt);
      LOG.infof(
          "replica ready function=%s replica=%s port=%d timeToReadyMs=%d",
          r.key, r.id, r.port, timeToReady.toMillis());
      reconciler.reconcile(f);
    }
    for (ReplicaStartupListener listener : parts.startupListeners()) {
      try {
        listener.onReady(r.key, r.id, timeToReady);
      } catch (RuntimeException e) {
        LOG.warnf(e, "startup listener failed function=%s replica=%s", r.key, r.id);
      }
    }
  }

  private void checkStable(Replica r) {
    synchronized (reconciler.lock) {
      FunctionReplicas f = reconciler.get(r.key);
      if (f != null) {
        reconciler.backoff().markStableIfStillUp(f, r);
      }
    }
  }

  private void giveUpStart(Replica r, Process process, String path) {
    synchronized (reconciler.lock) {
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
              + parts.startTimeout().toMillis()
              + "ms; it was killed (see its output with zeroscale logs "
              + r.key.name()
              + ", or raise the start timeout)";
      reconciler.backoff().recordFailure(reconciler.get(r.key), r.failure);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Drains and stops the replica's process; its exit handler does the bookkeeping. */
  void stopProcess(Replica r) {
    try {
      parts.gracefulStop().stop(r, r.process);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.process.destroyForcibly();
    }
  }

  private void onExit(Replica r) {
    int code = r.process.exitValue();
    synchronized (reconciler.lock) {
      FunctionReplicas f = reconciler.get(r.key);
      reconciler.releaseSlot(r);
      parts.ports().release(r.port);
      f.replicas.remove(r);
      explainExit(f, r, code);
      reconciler.publish(f);
      reconciler.reconcile(f);
      reconciler.forgetIfGone(f);
      reconciler.dispatchStarts();
    }
    parts.pidFiles().delete(r.key, r.id);
  }

  /** Logs why the replica is gone and counts it as a failure when it is one (under the lock). */
  private void explainExit(FunctionReplicas f, Replica r, int code) {
    if (r.stopRequested) {
      LOG.infof("replica stopped function=%s replica=%s exitCode=%d", r.key, r.id, code);
    } else if (r.failure != null) {
      LOG.infof("replica killed after a failed start function=%s replica=%s", r.key, r.id);
    } else if (r.state == ReplicaState.STARTING) {
      reconciler
          .backoff()
          .recordFailure(
              f,
              "replica "
                  + r.id
                  + " exited with code "
                  + code
                  + " before answering its readiness probe; see its output with zeroscale logs "
                  + r.key.name());
    } else if (crashedSoonAfterReady(r)) {
      // A crash loop: the replica starts fine but dies at once (bad config read late, OOM under
      // the first requests). Replacing it at once would spin; count it like a failed start.
      reconciler.backoff().recordFailure(f, crashReason(r, code));
    } else {
      LOG.warnf(
          "replica crashed, replacing it function=%s replica=%s exitCode=%d", r.key, r.id, code);
    }
  }

  private boolean crashedSoonAfterReady(Replica r) {
    return r.state == ReplicaState.READY
        && Duration.between(r.readyAt, Instant.now()).compareTo(reconciler.backoff().stableUptime())
            < 0;
  }

  private String crashReason(Replica r, int code) {
    long upMs = Duration.between(r.readyAt, Instant.now()).toMillis();
    return "replica "
        + r.id
        + " exited with code "
        + code
        + " "
        + upMs
        + "ms after becoming ready (less than the stable uptime of "
        + reconciler.backoff().stableUptime().toMillis()
        + "ms); see its output with zeroscale logs "
        + r.key.name();
  }
}
