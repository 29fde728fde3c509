package io.zeroscale.loadtest.generator;

import io.zeroscale.loadtest.process.SamplingTimer;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Closes an interval of a run every second and prints it as one line. */
final class ProgressPrinter implements AutoCloseable {

  private final ScheduledExecutorService timer = SamplingTimer.start("load-progress");

  ProgressPrinter(String label, RunRecording recording, IntSupplier clients, PrintStream out) {
    timer.scheduleAtFixedRate(
        () -> {
          IntervalSample s = recording.sampleInterval(clients.getAsInt());
          out.println(
              String.format(
                  Locale.ROOT,
                  "  %-28s t=%5.1fs %s rps=%7.0f p50=%7.2fms p99=%8.2fms max=%8.2fms errors=%d",
                  label,
                  s.atSeconds(),
                  s.clients() > 0 ? "clients=" + s.clients() : "",
                  s.throughput(),
                  s.p50(),
                  s.p99(),
                  s.max(),
                  s.errors()));
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    SamplingTimer.stop(timer);
  }
}
