package io.zeroscale.loadtest.scenario.memory;

import io.zeroscale.loadtest.process.ResidentMemory;
import io.zeroscale.loadtest.process.SamplingTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a process's resident memory at a fixed period, labelled by phase. */
final class RssSampler implements AutoCloseable {

  /** One sample, seconds since the sampler started, in MiB. */
  record Sample(double atSeconds, String phase, double mebibytes) {}

  private final long start = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private volatile String phase = "empty";
  private final ScheduledExecutorService timer = SamplingTimer.start("rss-sampler");

  RssSampler(long pid, long periodMillis) {
    timer.scheduleAtFixedRate(
        () -> {
          double rss = ResidentMemory.mebibytes(pid);
          if (rss > 0) {
            synchronized (samples) {
              samples.add(
                  new Sample(Math.round((System.nanoTime() - start) / 1e6) / 1000.0, phase, rss));
            }
          }
        },
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }

  void phase(String name) {
    phase = name;
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The median of the phase's last {@code n} samples (0 when it has none). */
  double median(String phase, int n) {
    List<Double> values =
        samples().stream().filter(s -> s.phase().equals(phase)).map(Sample::mebibytes).toList();
    List<Double> last =
        new ArrayList<>(values.subList(Math.max(0, values.size() - n), values.size()));
    last.sort(Double::compare);
    return last.isEmpty() ? 0 : last.get((last.size() - 1) / 2);
  }

  double max(String phase) {
    return samples().stream()
        .filter(s -> s.phase().equals(phase))
        .mapToDouble(Sample::mebibytes)
        .max()
        .orElse(0);
  }

  @Override
  public void close() {
    SamplingTimer.stop(timer);
  }
}
