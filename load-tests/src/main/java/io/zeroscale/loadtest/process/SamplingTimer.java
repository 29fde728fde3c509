package io.zeroscale.loadtest.process;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread a sampler or a progress printer ticks on, and its stop: the thread never
 * keeps the benchmark's JVM alive, and a stop waits a bounded time for a sample under way.
 */
public final class SamplingTimer {

  private SamplingTimer() {}

  /** A single-thread scheduler on a daemon thread named {@code name}. */
  public static ScheduledExecutorService start(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Stops {@code timer}, waiting up to 5 s for a tick under way. */
  public static void stop(ScheduledExecutorService timer) {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
