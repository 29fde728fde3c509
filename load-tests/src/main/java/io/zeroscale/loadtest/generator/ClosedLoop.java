package io.zeroscale.loadtest.generator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * N clients, each sending its next request as soon as the previous one is answered. The number of
 * clients may change in phases (1 → 50 → 1); a client above the current count stops after its
 * request in flight. Latency counts from each send.
 */
public final class ClosedLoop {

  /** Run {@code clients} concurrent clients for {@code duration}. */
  public record Phase(int clients, Duration duration) {}

  private final LoadClient client;
  private final LoadTarget target;
  private final RunRecording recording = new RunRecording();
  private final AtomicBoolean[] running;
  private volatile int active;
  private volatile long endNanos = Long.MAX_VALUE;

  private ClosedLoop(LoadClient client, LoadTarget target, int maxClients) {
    this.client = client;
    this.target = target;
    this.running = new AtomicBoolean[maxClients];
    for (int i = 0; i < maxClients; i++) {
      running[i] = new AtomicBoolean();
    }
  }

  /** One phase of {@code clients} clients. */
  public static LoadResult run(
      LoadClient client, LoadTarget target, int clients, Duration duration, PrintStream progress) {
    return run(client, target, List.of(new Phase(clients, duration)), progress);
  }

  /** Phases one after the other; the result's timeline shows the clients of each interval. */
  public static LoadResult run(
      LoadClient client, LoadTarget target, List<Phase> phases, PrintStream progress) {
    int max = phases.stream().mapToInt(Phase::clients).max().orElseThrow();
    ClosedLoop loop = new ClosedLoop(client, target, max);
    String label = target.name() + " closed";
    try (ProgressPrinter printer =
        new ProgressPrinter(label, loop.recording, () -> loop.active, progress)) {
      for (Phase phase : phases) {
        loop.setClients(phase.clients());
        sleep(phase.duration());
      }
      loop.endNanos = System.nanoTime();
      loop.active = 0;
      OpenLoop.awaitAnswers(loop.recording, Duration.ofSeconds(30));
    }
    double seconds = (System.nanoTime() - loop.recording.startNanos()) / 1e9;
    double sending = (loop.endNanos - loop.recording.startNanos()) / 1e9;
    return loop.recording.result(target.name(), "closed", 0, max, seconds, sending);
  }

  private void setClients(int clients) {
    active = clients;
    for (int i = 0; i < clients; i++) {
      startIfIdle(i);
    }
  }

  private void startIfIdle(int index) {
    if (running[index].compareAndSet(false, true)) {
      next(index);
    }
  }

  private void next(int index) {
    if (index >= active || System.nanoTime() >= endNanos) {
      running[index].set(false);
      // The count may have grown again between the check and the reset.
      if (index < active && System.nanoTime() < endNanos) {
        startIfIdle(index);
      }
      return;
    }
    client.send(index, target, System.nanoTime(), recording, () -> next(index));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a load run", e);
    }
  }
}
