package io.zeroscale.autoscaler.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A function's recent concurrency, as samples of "average concurrency over this span", from which
 * the stable and panic averages are read. Each average is time-weighted over the part of the window
 * that has samples: right after a function wakes, a 60 s window with 4 s of data averages those 4 s
 * instead of reading the missing 56 s as zero (Knative's windows do the same). Hand-written because
 * it is a dozen lines over a deque; no library's sliding window takes spans of unequal length.
 *
 * <p>Not thread-safe: one owner (the scaling loop's thread, or the simulator).
 */
public final class ConcurrencyWindow {

  private record Sample(Instant end, Duration span, double average) {
    Instant start() {
      return end.minus(span);
    }
  }

  private final Deque<Sample> samples = new ArrayDeque<>();

  /** Records the average concurrency seen over {@code span} ending at {@code end}. */
  public void record(Instant end, Duration span, double averageConcurrency) {
    if (span.isZero() || span.isNegative()) {
      return;
    }
    samples.addLast(new Sample(end, span, Math.max(0, averageConcurrency)));
  }

  /** The time-weighted average over {@code window} before {@code now}, 0 without samples. */
  public double average(Instant now, Duration window) {
    Instant from = now.minus(window);
    double weighted = 0;
    double covered = 0;
    for (Sample s : samples) {
      Instant start = s.start().isBefore(from) ? from : s.start();
      Instant end = s.end().isAfter(now) ? now : s.end();
      if (end.isAfter(start)) {
        double seconds = Duration.between(start, end).toNanos() / 1e9;
        weighted += s.average() * seconds;
        covered += seconds;
      }
    }
    return covered == 0 ? 0 : weighted / covered;
  }

  /** Forgets samples that ended before {@code now - keep}. */
  public void trim(Instant now, Duration keep) {
    Instant horizon = now.minus(keep);
    while (!samples.isEmpty() && samples.peekFirst().end().isBefore(horizon)) {
      samples.removeFirst();
    }
  }

  /** Forgets everything: a function at zero with no load has no history worth averaging. */
  public void clear() {
    samples.clear();
  }

  public boolean isEmpty() {
    return samples.isEmpty();
  }
}
