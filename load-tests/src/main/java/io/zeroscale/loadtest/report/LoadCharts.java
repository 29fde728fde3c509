package io.zeroscale.loadtest.report;

import io.zeroscale.loadtest.generator.IntervalSample;
import io.zeroscale.loadtest.generator.LoadResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The usual charts and tables of load runs: percentiles per target, values over time. */
public final class LoadCharts {

  private LoadCharts() {}

  /** One row per run: throughput, percentiles, lost. */
  public static TextTable table(String title, List<LoadResult> runs) {
    TextTable table =
        new TextTable(
            title,
            "target",
            "mode",
            "rate/s",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms",
            "sent",
            "lost",
            "outcomes");
    for (LoadResult r : runs) {
      table.row(
          r.target(),
          r.mode(),
          r.rate() > 0 ? Integer.toString(r.rate()) : r.connections() + " clients",
          r.throughput(),
          r.latency().p50(),
          r.latency().p90(),
          r.latency().p99(),
          r.latency().p999(),
          r.latency().max(),
          r.sent(),
          r.lost(),
          r.outcomes().toString());
    }
    return table;
  }

  /** Grouped bars of p50, p90, p99 per run. */
  public static String percentileBars(String title, List<LoadResult> runs) {
    return SvgChart.bars(
        title,
        "latency (ms)",
        runs.stream().map(LoadResult::target).toList(),
        List.of(
            new SvgChart.Bars("p50", runs.stream().map(r -> r.latency().p50()).toList()),
            new SvgChart.Bars("p90", runs.stream().map(r -> r.latency().p90()).toList()),
            new SvgChart.Bars("p99", runs.stream().map(r -> r.latency().p99()).toList())));
  }

  /** One line per run of an interval value (throughput, p99...) over the run's time. */
  public static String overTime(
      String title, String yLabel, List<LoadResult> runs, ToDoubleFunction<IntervalSample> value) {
    return SvgChart.lines(
        title,
        "seconds",
        yLabel,
        runs.stream()
            .map(
                r ->
                    new SvgChart.Series(
                        r.target(),
                        r.timeline().stream()
                            .map(s -> new double[] {s.atSeconds(), value.applyAsDouble(s)})
                            .toList()))
            .toList());
  }
}
