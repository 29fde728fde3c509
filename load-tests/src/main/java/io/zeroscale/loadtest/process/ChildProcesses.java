package io.zeroscale.loadtest.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every process a benchmark started, so that none outlives it: {@link #stop} on a normal end, and a
 * JVM shutdown hook for Ctrl-C (SIGINT) and SIGTERM. A stop sends SIGTERM to the process and its
 * descendants, waits, then SIGKILLs what is left.
 */
public final class ChildProcesses {

  private static final List<Process> STARTED = new ArrayList<>();
  private static final Map<Process, Runnable> AFTER_STOP = new HashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ChildProcesses::stopAll, "stop-benchmark-processes"));
  }

  private ChildProcesses() {}

  /** Starts a process and registers it. */
  public static Process start(ProcessBuilder builder) {
    return start(builder, () -> {});
  }

  /** Starts a process and registers it; {@code afterStop} runs once it has been stopped. */
  public static Process start(ProcessBuilder builder, Runnable afterStop) {
    try {
      Process process = builder.start();
      synchronized (STARTED) {
        STARTED.add(process);
        AFTER_STOP.put(process, afterStop);
      }
      return process;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot start " + String.join(" ", builder.command()) + ": " + e.getMessage(), e);
    }
  }

  /** Stops one process and its descendants: SIGTERM, up to {@code graceSeconds}, then SIGKILL. */
  public static void stop(Process process, int graceSeconds) {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    // Children that did not go with their parent (the platform's replicas die with it anyway).
    family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    Runnable afterStop;
    synchronized (STARTED) {
      STARTED.remove(process);
      afterStop = AFTER_STOP.remove(process);
    }
    if (afterStop != null) {
      afterStop.run();
    }
  }

  static void stopAll() {
    List<Process> left;
    synchronized (STARTED) {
      left = new ArrayList<>(STARTED);
    }
    for (int i = left.size() - 1; i >= 0; i--) {
      stop(left.get(i), 10);
    }
  }
}
