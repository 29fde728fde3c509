package io.zeroscale.loadtest.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Everything one run records, written from the event loops and read by the progress thread: a
 * latency {@link Recorder} (wait-free for writers, hands out interval histograms) and counters by
 * outcome.
 */
public final class RunRecording {

  /** Latencies above two minutes are recorded as two minutes (no request waits that long). */
  static final long HIGHEST_NANOS = 120_000_000_000L;

  private final long startNanos = System.nanoTime();
  private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
  private final Histogram total = new Histogram(HIGHEST_NANOS, 3);
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final LongAdder sent = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder intervalErrors = new LongAdder();
  private final List<IntervalSample> timeline = new ArrayList<>();
  private Histogram recycled;

  long startNanos() {
    return startNanos;
  }

  void sent() {
    sent.increment();
  }

  void answered(int status, long latencyNanos) {
    recorder.recordValue(Math.max(0, Math.min(latencyNanos, HIGHEST_NANOS)));
    answered.increment();
    if (status >= 200 && status < 300) {
      ok.increment();
    } else {
      intervalErrors.increment();
    }
    count(Integer.toString(status));
  }

  void failed(Throwable cause) {
    failed.increment();
    intervalErrors.increment();
    count("error:" + cause.getClass().getSimpleName());
  }

  /** Requests started but not yet answered or failed. */
  long pending() {
    return sent.sum() - answered.sum() - failed.sum();
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** Closes the current interval: adds it to the totals and to the timeline. */
  synchronized IntervalSample sampleInterval(int clients) {
    recycled = recorder.getIntervalHistogram(recycled);
    total.add(recycled);
    double at = (System.nanoTime() - startNanos) / 1e9;
    double previous = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).atSeconds();
    LatencySummary interval = LatencySummary.of(recycled);
    IntervalSample sample =
        new IntervalSample(
            Math.round(at * 1000) / 1000.0,
            clients,
            Math.round(recycled.getTotalCount() / Math.max(at - previous, 1e-3)),
            interval.p50(),
            interval.p99(),
            interval.max(),
            intervalErrors.sumThenReset());
    timeline.add(sample);
    return sample;
  }

  /** The run's result; requests still pending are counted as {@code unanswered}. */
  synchronized LoadResult result(
      String target, String mode, int rate, int connections, double seconds, double sendSeconds) {
    sampleInterval(0);
    Map<String, Long> byOutcome = new TreeMap<>();
    outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
    long unanswered = pending();
    if (unanswered > 0) {
      byOutcome.put("unanswered", unanswered);
    }
    long answeredCount = answered.sum();
    return new LoadResult(
        target,
        mode,
        rate,
        connections,
        Math.round(seconds * 1000) / 1000.0,
        Math.round(sendSeconds * 1000) / 1000.0,
        sent.sum(),
        answeredCount,
        ok.sum(),
        sent.sum() - ok.sum(),
        Math.round(answeredCount / Math.max(seconds, 1e-3) * 10) / 10.0,
        LatencySummary.of(total),
        byOutcome,
        List.copyOf(timeline));
  }
}
