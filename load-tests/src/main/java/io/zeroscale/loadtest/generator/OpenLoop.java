package io.zeroscale.loadtest.generator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant arrival rate, like wrk2: request {@code i} is due at {@code start + i / rate}, and its
 * latency counts from that intended time, not from when it was actually sent. A stalled server or a
 * saturated client therefore shows up in the percentiles instead of silently lowering the rate
 * (coordinated omission). Requests are spread over the client's lanes.
 */
public final class OpenLoop {

  private OpenLoop() {}

  /** The intended send time of request {@code index}, in nanoseconds after the start. */
  static long dueNanos(long index, int ratePerSecond) {
    return index * 1_000_000_000L / ratePerSecond;
  }

  /**
   * Runs one open-loop load.
   *
   * @param drain how long to wait for answers after the last request was sent
   */
  public static LoadResult run(
      LoadClient client,
      LoadTarget target,
      int ratePerSecond,
      Duration duration,
      Duration drain,
      PrintStream progress) {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("rate must be > 0 per second, was " + ratePerSecond);
    }
    long total = Math.max(1, duration.toNanos() * ratePerSecond / 1_000_000_000L);
    RunRecording recording = new RunRecording();
    String label = target.name() + " " + ratePerSecond + "/s";
    double sendSeconds;
    try (ProgressPrinter printer = new ProgressPrinter(label, recording, () -> 0, progress)) {
      long start = recording.startNanos();
      for (long i = 0; i < total; i++) {
        long due = start + dueNanos(i, ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        client.send((int) i, target, due, recording, () -> {});
      }
      sendSeconds = (System.nanoTime() - start) / 1e9;
      awaitAnswers(recording, drain);
    }
    double seconds = (System.nanoTime() - recording.startNanos()) / 1e9;
    return recording.result(target.name(), "open", ratePerSecond, 0, seconds, sendSeconds);
  }

  static void awaitAnswers(RunRecording recording, Duration drain) {
    long deadline = System.nanoTime() + drain.toNanos();
    while (recording.pending() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
  }
}
