package io.zeroscale.autoscaler.sim.lag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Replays every lag trace of a directory (default {@code autoscaler/traces/kafka}) through
 * zeroscale's decider and through {@link KedaLagReimplementation} and prints one table.
 */
public final class LagSimulator {

  static final String HEADER =
      "| trace | scaler | lag record·s | max lag | replica·s | rebalances | first record handled"
          + " after | back to zero after | left |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|";

  private LagSimulator() {}

  public static void main(String[] args) throws IOException {
    Path traces = Path.of(args.length > 0 ? args[0] : "autoscaler/traces/kafka");
    System.out.println(HEADER);
    for (LagTrace trace : LagTrace.readAll(traces)) {
      List<LagSummary> results = LagSimulation.compare(trace);
      System.out.println(row(trace.name(), ZeroscaleLagScaler.LABEL, results.get(0)));
      System.out.println(row(trace.name(), KedaLagReimplementation.LABEL, results.get(1)));
    }
  }

  static String row(String trace, String scaler, LagSummary s) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,.0f | %,d | %,.0f | %d | %.1f s | %s | %d |",
        trace,
        scaler,
        s.lagRecordSeconds(),
        s.maxLag(),
        s.replicaSeconds(),
        s.rebalances(),
        s.firstRecordWait(),
        s.zeroAfter() < 0 ? "never" : String.format(Locale.ROOT, "%.0f s", s.zeroAfter()),
        s.unconsumed());
  }
}
