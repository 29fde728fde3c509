package io.zeroscale.loadtest.scenario.proxy;

import io.zeroscale.loadtest.baseline.Wrk;
import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.generator.IntervalSample;
import io.zeroscale.loadtest.generator.LoadResult;
import io.zeroscale.loadtest.report.HtmlPage;
import io.zeroscale.loadtest.report.LoadCharts;
import io.zeroscale.loadtest.report.SvgChart;
import io.zeroscale.loadtest.report.TextTable;
import io.zeroscale.loadtest.scenario.ResultFiles;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, charts and headline figures of the proxy-overhead scenario. */
final class ProxyOverheadReport {

  private ProxyOverheadReport() {}

  static ScenarioOutcome write(
      BenchContext context,
      BenchSettings.ProxyOverhead settings,
      ProxyOverheadScenario.Result result)
      throws IOException {
    ProxyComparison c = result.comparison();
    Tables tables =
        new Tables(
            ratioTable(c),
            addedTable(c),
            LoadCharts.table("Open loop (latency from intended send time)", result.openLoop()),
            LoadCharts.table("Closed loop, max throughput", result.closedLoop()),
            wrkTable(result.wrk()));
    for (TextTable t :
        List.of(tables.open(), tables.closed(), tables.wrk(), tables.ratios(), tables.added())) {
      context.out().println(t.toText());
    }
    HtmlPage page = page(settings, result, tables);
    Map<String, Object> headline = headline(c);
    long lost =
        result.openLoop().stream().mapToLong(LoadResult::lost).sum()
            + result.closedLoop().stream().mapToLong(LoadResult::lost).sum();
    return ResultFiles.write(
        context, ProxyOverheadScenario.NAME, settings, result, headline, lost, page);
  }

  /** The scenario's tables, printed on the console and shown on the page. */
  private record Tables(
      TextTable ratios, TextTable added, TextTable open, TextTable closed, TextTable wrk) {}

  private static HtmlPage page(
      BenchSettings.ProxyOverhead settings, ProxyOverheadScenario.Result result, Tables tables) {
    HtmlPage page =
        new HtmlPage("zeroscale proxy overhead")
            .paragraph(
                "The same hello replica ("
                    + result.replica()
                    + ") called directly, "
                    + "through the zeroscale router, nginx and HAProxy (keep-alive upstreams).")
            .table(tables.ratios())
            .table(tables.added())
            .chart(throughputBars(result))
            .table(tables.open());
    for (int rate : settings.rates()) {
      List<LoadResult> atRate = result.openLoop().stream().filter(r -> r.rate() == rate).toList();
      page.chart(LoadCharts.percentileBars("Latency at " + rate + " req/s", atRate))
          .chart(
              LoadCharts.overTime(
                  "p99 over time at " + rate + " req/s", "p99 (ms)", atRate, IntervalSample::p99));
    }
    page.table(tables.closed())
        .chart(
            LoadCharts.overTime(
                "Closed-loop throughput over time",
                "req/s",
                result.closedLoop(),
                IntervalSample::throughput))
        .table(tables.wrk());
    return page;
  }

  private static Map<String, Object> headline(ProxyComparison c) {
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("router/direct throughput (closed loop)", c.closedLoop().routerVsDirect());
    headline.put("router/nginx throughput (closed loop)", c.closedLoop().routerVsNginx());
    headline.put("router/haproxy throughput (closed loop)", c.closedLoop().routerVsHaproxy());
    headline.put("router/direct throughput (wrk)", c.wrk().routerVsDirect());
    headline.put("router/nginx throughput (wrk)", c.wrk().routerVsNginx());
    headline.put("router/haproxy throughput (wrk)", c.wrk().routerVsHaproxy());
    for (ProxyComparison.AddedLatency a : c.rates()) {
      headline.put("router added p50 ms at " + a.rate() + "/s", a.addedP50().get("zeroscale"));
      headline.put("router added p99 ms at " + a.rate() + "/s", a.addedP99().get("zeroscale"));
      headline.put("router p99 - haproxy p99 ms at " + a.rate() + "/s", a.routerP99VsHaproxyP99());
    }
    return headline;
  }

  private static TextTable wrkTable(List<Wrk.WrkResult> runs) {
    TextTable t =
        new TextTable(
            "wrk (closed loop, not CO-corrected)",
            "target",
            "threads",
            "connections",
            "seconds",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "errors");
    runs.forEach(
        r ->
            t.row(
                r.target(),
                r.threads(),
                r.connections(),
                r.seconds(),
                r.throughput(),
                r.p50(),
                r.p90(),
                r.p99(),
                r.errors()));
    return t;
  }

  private static TextTable ratioTable(ProxyComparison c) {
    TextTable t =
        new TextTable(
            "Router throughput ratios",
            "generator",
            "router/direct",
            "router/nginx",
            "router/haproxy",
            "router/best proxy");
    t.row(
        "ours, closed loop",
        c.closedLoop().routerVsDirect(),
        c.closedLoop().routerVsNginx(),
        c.closedLoop().routerVsHaproxy(),
        c.closedLoop().routerVsBestProxy());
    t.row(
        "wrk",
        c.wrk().routerVsDirect(),
        c.wrk().routerVsNginx(),
        c.wrk().routerVsHaproxy(),
        c.wrk().routerVsBestProxy());
    return t;
  }

  private static TextTable addedTable(ProxyComparison c) {
    TextTable t =
        new TextTable(
            "Latency added over direct calls (ms)",
            "rate/s",
            "zeroscale p50",
            "zeroscale p99",
            "nginx p50",
            "nginx p99",
            "haproxy p50",
            "haproxy p99");
    for (ProxyComparison.AddedLatency a : c.rates()) {
      t.row(
          Integer.toString(a.rate()),
          a.addedP50().get("zeroscale"),
          a.addedP99().get("zeroscale"),
          a.addedP50().get("nginx"),
          a.addedP99().get("nginx"),
          a.addedP50().get("haproxy"),
          a.addedP99().get("haproxy"));
    }
    return t;
  }

  private static String throughputBars(ProxyOverheadScenario.Result result) {
    return SvgChart.bars(
        "Max throughput per path",
        "req/s",
        result.closedLoop().stream().map(LoadResult::target).toList(),
        List.of(
            new SvgChart.Bars(
                "ours, closed loop",
                result.closedLoop().stream().map(LoadResult::throughput).toList()),
            new SvgChart.Bars(
                "wrk", result.wrk().stream().map(Wrk.WrkResult::throughput).toList())));
  }
}
