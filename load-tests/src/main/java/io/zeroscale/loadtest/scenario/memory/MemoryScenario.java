package io.zeroscale.loadtest.scenario.memory;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.generator.ClosedLoop;
import io.zeroscale.loadtest.generator.LoadClient;
import io.zeroscale.loadtest.generator.LoadResult;
import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.PlatformProcess;
import io.zeroscale.loadtest.report.HtmlPage;
import io.zeroscale.loadtest.report.SvgChart;
import io.zeroscale.loadtest.report.TextTable;
import io.zeroscale.loadtest.scenario.ResultFiles;
import io.zeroscale.loadtest.scenario.Scenario;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh platform (defaults): its RSS empty, then idle with N functions deployed at zero, then
 * under a closed-loop proxy load to a pinned {@code hello}; RSS sampled every 250 ms throughout.
 */
public final class MemoryScenario implements Scenario {

  public static final String NAME = "memory";
  static final String NAMESPACE = "bench";

  /**
   * Resident memory of the platform process in MiB.
   *
   * @param perFunctionKiB (idle − empty) ÷ functions, in KiB
   */
  public record Result(
      int functions,
      double emptyMiB,
      double idleMiB,
      double perFunctionKiB,
      double underLoadMaxMiB,
      LoadResult load,
      List<RssSampler.Sample> samples) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    BenchSettings.Memory settings = context.settings().memory();
    Path jar = context.exampleJar("hello");
    Result result;
    try (PlatformProcess platform =
            PlatformProcess.start(
                context.repoRoot(), context.dir(NAME).resolve("platform.log"), Map.of());
        RssSampler rss = new RssSampler(platform.pid(), 250)) {
      Thread.sleep(settings.settle().toMillis());
      rss.phase("idle");
      deployAtZero(context, platform, jar, settings);
      Thread.sleep(settings.settle().toMillis());
      double idle = rss.median("idle", 4);
      rss.phase("load");
      LoadResult load = proxyLoad(context, platform, jar, settings);
      double empty = rss.median("empty", 4);
      result =
          new Result(
              settings.functions(),
              round(empty),
              round(idle),
              round((idle - empty) * 1024 / settings.functions()),
              round(rss.max("load")),
              load,
              rss.samples());
    }
    return report(context, settings, result);
  }

  private static void deployAtZero(
      BenchContext context, PlatformProcess platform, Path jar, BenchSettings.Memory settings) {
    for (int i = 1; i <= settings.functions(); i++) {
      String name = "idle-" + i;
      platform.apply(
          NAMESPACE, name, FunctionSpecs.javaFunction(NAMESPACE, name, jar, "{minScale: 0}"));
    }
    context.out().printf("memory: %d functions deployed at zero%n", settings.functions());
  }

  /** A pinned hello under a closed-loop load through the router, as in proxy-overhead. */
  private static LoadResult proxyLoad(
      BenchContext context, PlatformProcess platform, Path jar, BenchSettings.Memory settings)
      throws InterruptedException {
    platform.apply(
        NAMESPACE,
        "hello",
        FunctionSpecs.javaFunction(
            NAMESPACE, "hello", jar, "{minScale: 1, maxScale: 1, target: 1000}"));
    platform.awaitReady(NAMESPACE, "hello", 1, Duration.ofSeconds(90));
    try (LoadClient client =
        LoadClient.start(context.cores(), settings.loadClients(), Duration.ofSeconds(30))) {
      return ClosedLoop.run(
          client,
          platform.route(NAMESPACE, "hello", "/"),
          settings.loadClients(),
          settings.load(),
          context.out());
    }
  }

  private static ScenarioOutcome report(
      BenchContext context, BenchSettings.Memory settings, Result result) throws Exception {
    TextTable table = new TextTable("Platform resident memory (MiB)", "state", "RSS MiB");
    table.row("empty (no function)", result.emptyMiB());
    table.row("idle, " + result.functions() + " functions at zero", result.idleMiB());
    table.row("per deployed function (KiB)", result.perFunctionKiB());
    table.row(
        "max under " + settings.loadClients() + "-client proxy load", result.underLoadMaxMiB());
    context.out().println(table.toText());
    HtmlPage page =
        new HtmlPage("zeroscale platform memory")
            .paragraph(
                "Resident memory (VmRSS) of the platform process, all roles, local backend,"
                    + " JVM defaults. Replicas are separate processes and not counted. Under load: "
                    + result.load().throughput()
                    + " req/s through the router.")
            .table(table)
            .chart(
                SvgChart.lines(
                    "Platform RSS over time (empty, idle, load)",
                    "seconds",
                    "MiB",
                    List.of(
                        new SvgChart.Series(
                            "RSS",
                            result.samples().stream()
                                .map(s -> new double[] {s.atSeconds(), s.mebibytes()})
                                .toList()))));
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("idle RSS MiB with " + result.functions() + " functions", result.idleMiB());
    headline.put("KiB per deployed function", result.perFunctionKiB());
    headline.put("max RSS MiB under load", result.underLoadMaxMiB());
    return ResultFiles.write(context, NAME, settings, result, headline, result.load().lost(), page);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
