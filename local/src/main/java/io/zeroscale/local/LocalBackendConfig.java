package io.zeroscale.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the local backend can be tuned with, in one place.
 *
 * @param dataDir root of the backend's files: {@code functions/} (catalog), {@code scale/} (desired
 *     replicas), {@code run/} (pid files), {@code logs/} (replica output). Default {@code
 *     ~/.zeroscale}.
 * @param portRangeStart first port handed to replicas (default 20000)
 * @param portRangeEnd last port handed to replicas, inclusive (default 29999)
 * @param probeInterval pause between readiness probes of a starting replica (default 10 ms)
 * @param startTimeout how long a replica may take to answer its first probe before it is killed and
 *     counted as a failed start (default 60 s)
 * @param maxConcurrentStarts replicas of all functions that may be starting at once on this host;
 *     starts compete for CPU (default: the number of cores)
 * @param drainTimeout longest wait for in-flight requests to finish before SIGTERM; the function's
 *     own timeout bounds it too (default 30 s)
 * @param stopGracePeriod time between SIGTERM and SIGKILL (default 10 s)
 * @param restartBackoff pause after the first failed start of a function; doubles with each further
 *     failure in a row (default 1 s)
 * @param maxRestartBackoff cap of that doubling pause (default 30 s)
 * @param stableUptime how long a replica must stay ready before its function's failures in a row
 *     are forgotten; a ready replica that crashes sooner counts as a failed start and its
 *     replacement waits out the restart backoff (default 60 s)
 * @param logFilesPerFunction replica log files kept per function; older ones are deleted when a new
 *     replica starts (default 10)
 * @param replicaHost address replicas are reached at (default 127.0.0.1)
 */
public record LocalBackendConfig(
    Path dataDir,
    int portRangeStart,
    int portRangeEnd,
    Duration probeInterval,
    Duration startTimeout,
    int maxConcurrentStarts,
    Duration drainTimeout,
    Duration stopGracePeriod,
    Duration restartBackoff,
    Duration maxRestartBackoff,
    Duration stableUptime,
    int logFilesPerFunction,
    String replicaHost) {

  public LocalBackendConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    if (portRangeStart < 1 || portRangeEnd > 65535 || portRangeStart > portRangeEnd) {
      throw new IllegalArgumentException(
          "port range " + portRangeStart + "-" + portRangeEnd + " is not a valid range of ports");
    }
    if (maxConcurrentStarts < 1) {
      throw new IllegalArgumentException("maxConcurrentStarts must be >= 1");
    }
    if (logFilesPerFunction < 1) {
      throw new IllegalArgumentException("logFilesPerFunction must be >= 1");
    }
  }

  /** The defaults listed above, with {@code ~/.zeroscale} as data directory. */
  public static LocalBackendConfig defaults() {
    return defaults(Path.of(System.getProperty("user.home"), ".zeroscale"));
  }

  /** The defaults listed above, with the given data directory. */
  public static LocalBackendConfig defaults(Path dataDir) {
    return new LocalBackendConfig(
        dataDir,
        20000,
        29999,
        Duration.ofMillis(10),
        Duration.ofSeconds(60),
        Runtime.getRuntime().availableProcessors(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        10,
        "127.0.0.1");
  }

  public LocalBackendConfig withPortRange(int start, int end) {
    return copy(
        b -> {
          b.portRangeStart = start;
          b.portRangeEnd = end;
        });
  }

  public LocalBackendConfig withProbeInterval(Duration value) {
    return copy(b -> b.probeInterval = value);
  }

  public LocalBackendConfig withStartTimeout(Duration value) {
    return copy(b -> b.startTimeout = value);
  }

  public LocalBackendConfig withMaxConcurrentStarts(int value) {
    return copy(b -> b.maxConcurrentStarts = value);
  }

  public LocalBackendConfig withDrainTimeout(Duration value) {
    return copy(b -> b.drainTimeout = value);
  }

  public LocalBackendConfig withStopGracePeriod(Duration value) {
    return copy(b -> b.stopGracePeriod = value);
  }

  public LocalBackendConfig withRestartBackoff(Duration first, Duration max) {
    return copy(
        b -> {
          b.restartBackoff = first;
          b.maxRestartBackoff = max;
        });
  }

  public LocalBackendConfig withStableUptime(Duration value) {
    return copy(b -> b.stableUptime = value);
  }

  public LocalBackendConfig withLogFilesPerFunction(int value) {
    return copy(b -> b.logFilesPerFunction = value);
  }

  /** A copy with some fields changed; the record's constructor checks the result. */
  private LocalBackendConfig copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The record's fields, mutable, for {@link #copy}. */
  private static final class Fields {
    Path dataDir;
    int portRangeStart;
    int portRangeEnd;
    Duration probeInterval;
    Duration startTimeout;
    int maxConcurrentStarts;
    Duration drainTimeout;
    Duration stopGracePeriod;
    Duration restartBackoff;
    Duration maxRestartBackoff;
    Duration stableUptime;
    int logFilesPerFunction;
    String replicaHost;

    Fields(LocalBackendConfig c) {
      dataDir = c.dataDir;
      portRangeStart = c.portRangeStart;
      portRangeEnd = c.portRangeEnd;
      probeInterval = c.probeInterval;
      startTimeout = c.startTimeout;
      maxConcurrentStarts = c.maxConcurrentStarts;
      drainTimeout = c.drainTimeout;
      stopGracePeriod = c.stopGracePeriod;
      restartBackoff = c.restartBackoff;
      maxRestartBackoff = c.maxRestartBackoff;
      stableUptime = c.stableUptime;
      logFilesPerFunction = c.logFilesPerFunction;
      replicaHost = c.replicaHost;
    }

    LocalBackendConfig build() {
      return new LocalBackendConfig(
          dataDir,
          portRangeStart,
          portRangeEnd,
          probeInterval,
          startTimeout,
          maxConcurrentStarts,
          drainTimeout,
          stopGracePeriod,
          restartBackoff,
          maxRestartBackoff,
          stableUptime,
          logFilesPerFunction,
          replicaHost);
    }
  }

  public Path functionsDir() {
    return dataDir.resolve("functions");
  }

  /** Where desired replica counts live: {@code <dataDir>/scale}. */
  public Path scaleDir() {
    return dataDir.resolve("scale");
  }

  /** Where replica pid files live: {@code <dataDir>/run}. */
  public Path runDir() {
    return dataDir.resolve("run");
  }

  /** Where replica output lives: {@code <dataDir>/logs}. */
  public Path logsDir() {
    return dataDir.resolve("logs");
  }
}
