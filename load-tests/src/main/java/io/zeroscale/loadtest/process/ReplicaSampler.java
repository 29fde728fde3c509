package io.zeroscale.loadtest.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples a function's desired and ready replicas at a fixed period, for a plot over time. */
public final class ReplicaSampler implements AutoCloseable {

  /** One sample, {@code atSeconds} after the sampler started. */
  public record Sample(double atSeconds, int desired, int ready) {}

  private final long start = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = SamplingTimer.start("replica-sampler");

  public ReplicaSampler(
      PlatformProcess platform, String namespace, String name, long periodMillis) {
    timer.scheduleAtFixedRate(
        () -> {
          try {
            PlatformProcess.Scale s = platform.scale(namespace, name);
            double at = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
            synchronized (samples) {
              samples.add(new Sample(at, s.desired(), s.ready()));
            }
          } catch (RuntimeException e) {
            // A missed sample is a gap in the plot, not a failed run.
          }
        },
        0,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }

  public List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  public int maxReady() {
    return samples().stream().mapToInt(Sample::ready).max().orElse(0);
  }

  @Override
  public void close() {
    SamplingTimer.stop(timer);
  }
}
