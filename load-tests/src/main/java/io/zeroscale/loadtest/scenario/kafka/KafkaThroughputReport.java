package io.zeroscale.loadtest.scenario.kafka;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.report.HtmlPage;
import io.zeroscale.loadtest.report.SvgChart;
import io.zeroscale.loadtest.report.TextTable;
import io.zeroscale.loadtest.scenario.ResultFiles;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kafka-throughput table, charts (records/s per path, lag over time) and headline. */
final class KafkaThroughputReport {

  private KafkaThroughputReport() {}

  static ScenarioOutcome write(
      BenchContext context,
      BenchSettings.KafkaThroughput settings,
      KafkaThroughputScenario.Result result)
      throws Exception {
    TextTable table = table(settings, result.runs());
    context.out().println(table.toText());
    HtmlPage page =
        new HtmlPage("zeroscale kafka throughput")
            .paragraph(
                result.produced().records()
                    + " records of about "
                    + settings.recordBytes()
                    + " bytes on "
                    + settings.partitions()
                    + " partitions, produced once (acks=1, batched) at "
                    + Math.round(result.produced().recordsPerSecond())
                    + " records/s; each path reads all of them with a fresh consumer group.")
            .paragraph(
                "records/s = committed-offset progress read with the Admin client every "
                    + settings.samplePeriod().toMillis()
                    + " ms, between the first sample above zero and the first sample at the"
                    + " total (\"all in group\": from the first sample that saw every consumer"
                    + " of the path in the group). Raw consumers are threads of the benchmark's JVM; zeroscale runs"
                    + " examples/wordcount pinned at minScale = maxScale = replicas.")
            .table(table)
            .chart(rateBars(result.runs()))
            .chart(lagChart("Lag of the raw consumers over time", result.runs(), true))
            .chart(lagChart("Lag of wordcount on zeroscale over time", result.runs(), false));
    return ResultFiles.write(
        context,
        KafkaThroughputScenario.NAME,
        settings,
        result,
        headline(result),
        result.uncommitted(),
        page);
  }

  private static TextTable table(
      BenchSettings.KafkaThroughput settings, List<KafkaThroughputScenario.Run> runs) {
    TextTable table =
        new TextTable(
            "Records/s reading " + settings.records() + " records (committed-offset progress)",
            "path",
            "consumers",
            "records/s",
            "× raw consumer",
            "× raw consume-produce",
            "records/s all in group",
            "in-process records/s",
            "window s",
            "committed",
            "outputs",
            "max members");
    for (KafkaThroughputScenario.Run r : runs) {
      ProgressRate rate = r.rate();
      table.row(
          r.path(),
          r.consumers(),
          cell(rate.recordsPerSecond()),
          cell(ratio(r, runs, KafkaThroughputScenario.RAW_READ)),
          cell(ratio(r, runs, KafkaThroughputScenario.RAW_WORDCOUNT)),
          cell(r.allInGroupRate().recordsPerSecond()),
          cell(r.inProcessRecordsPerSecond()),
          rate.recordsPerSecond() == null ? "-" : rate.toSeconds() - rate.fromSeconds(),
          r.committed(),
          r.outputRecords() == null ? "-" : r.outputRecords(),
          r.maxMembers());
    }
    return table;
  }

  /**
   * This run's records/s over the baseline path's at the same consumer count (at one consumer when
   * the baseline ran at no such count); null when either is unknown.
   */
  static Double ratio(
      KafkaThroughputScenario.Run run, List<KafkaThroughputScenario.Run> runs, String baseline) {
    Optional<KafkaThroughputScenario.Run> base =
        runs.stream()
            .filter(b -> b.path().equals(baseline) && b.consumers() == run.consumers())
            .findFirst()
            .or(
                () ->
                    runs.stream()
                        .filter(b -> b.path().equals(baseline) && b.consumers() == 1)
                        .findFirst());
    Double mine = run.rate().recordsPerSecond();
    Double theirs = base.map(b -> b.rate().recordsPerSecond()).orElse(null);
    return mine == null || theirs == null || theirs == 0 ? null : mine / theirs;
  }

  private static Object cell(Double value) {
    return value == null ? "-" : value;
  }

  /** One group of bars per consumer count, one bar per path (0 where a path did not run). */
  private static String rateBars(List<KafkaThroughputScenario.Run> runs) {
    List<Integer> counts =
        runs.stream().map(KafkaThroughputScenario.Run::consumers).distinct().sorted().toList();
    List<String> paths = runs.stream().map(KafkaThroughputScenario.Run::path).distinct().toList();
    List<SvgChart.Bars> bars = new java.util.ArrayList<>();
    for (String path : paths) {
      bars.add(
          new SvgChart.Bars(
              path,
              counts.stream()
                  .map(
                      n ->
                          runs.stream()
                              .filter(r -> r.path().equals(path) && r.consumers() == n)
                              .map(r -> r.rate().recordsPerSecond())
                              .filter(java.util.Objects::nonNull)
                              .findFirst()
                              .orElse(0.0))
                  .toList()));
    }
    return SvgChart.bars(
        "Records/s by consumers (raw) or replicas (zeroscale)",
        "records/s",
        counts.stream().map(n -> "×" + n).toList(),
        bars);
  }

  private static String lagChart(
      String title, List<KafkaThroughputScenario.Run> runs, boolean raw) {
    return SvgChart.lines(
        title,
        "seconds",
        "lag (records)",
        runs.stream()
            .filter(r -> raw != r.path().equals(KafkaThroughputScenario.ZEROSCALE))
            .map(
                r ->
                    new SvgChart.Series(
                        label(r),
                        r.progress().stream()
                            .map(s -> new double[] {s.atSeconds(), s.lag()})
                            .toList()))
            .toList());
  }

  private static String label(KafkaThroughputScenario.Run r) {
    String shortPath =
        switch (r.path()) {
          case KafkaThroughputScenario.RAW_READ -> "raw read";
          case KafkaThroughputScenario.RAW_WORDCOUNT -> "raw wc";
          default -> "zeroscale";
        };
    return shortPath + " ×" + r.consumers();
  }

  private static Map<String, Object> headline(KafkaThroughputScenario.Result result) {
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("records per path", result.produced().records());
    headline.put("producer records/s", Math.round(result.produced().recordsPerSecond()));
    for (KafkaThroughputScenario.Run r : result.runs()) {
      Double rate = r.rate().recordsPerSecond();
      headline.put(label(r) + " records/s", rate == null ? "-" : Math.round(rate));
      if (r.path().equals(KafkaThroughputScenario.ZEROSCALE)) {
        Double vsRaw = ratio(r, result.runs(), KafkaThroughputScenario.RAW_WORDCOUNT);
        headline.put(label(r) + " ÷ raw wc", vsRaw == null ? "-" : vsRaw);
        Double steady = r.allInGroupRate().recordsPerSecond();
        headline.put(
            label(r) + " records/s, all in group", steady == null ? "-" : Math.round(steady));
      }
    }
    return headline;
  }
}
