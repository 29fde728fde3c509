package io.zeroscale.loadtest.scenario.burst;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.generator.LoadClient;
import io.zeroscale.loadtest.generator.LoadResult;
import io.zeroscale.loadtest.generator.OpenLoop;
import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.PlatformProcess;
import io.zeroscale.loadtest.process.ReplicaSampler;
import io.zeroscale.loadtest.report.HtmlPage;
import io.zeroscale.loadtest.report.LoadCharts;
import io.zeroscale.loadtest.report.SvgChart;
import io.zeroscale.loadtest.scenario.ReplicaCharts;
import io.zeroscale.loadtest.scenario.ResultFiles;
import io.zeroscale.loadtest.scenario.Scenario;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each round deploys a fresh {@code hello} at zero, sends the burst through the router as an open
 * loop (requests ÷ window per second, one connection per request so the platform sees them all at
 * once), waits for every answer, and samples the replicas every 50 ms.
 */
public final class BurstFromZeroScenario implements Scenario {

  public static final String NAME = "burst-from-zero";
  static final String NAMESPACE = "bench";

  /** One burst: the load result and the replicas over time. */
  public record Round(
      String function, LoadResult load, int maxReady, List<ReplicaSampler.Sample> replicas) {}

  /** Every round, and the requests lost over all of them. */
  public record Result(List<Round> rounds, long lost) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    BenchSettings.BurstFromZero settings = context.settings().burstFromZero();
    int lanes = context.cores();
    List<Round> rounds = new ArrayList<>();
    try (PlatformProcess platform =
            PlatformProcess.start(
                context.repoRoot(),
                context.dir(NAME).resolve("platform.log"),
                Map.of("zeroscale.autoscaler.tick", "500ms"));
        LoadClient client =
            LoadClient.start(lanes, settings.requests() / lanes + 1, Duration.ofSeconds(90))) {
      warmUp(context, platform, client, settings);
      for (int i = 1; i <= settings.rounds(); i++) {
        rounds.add(round(context, platform, client, settings, "burst-" + i));
      }
    }
    Result result = new Result(rounds, rounds.stream().mapToLong(r -> r.load().lost()).sum());
    return report(context, settings, result);
  }

  private static Round round(
      BenchContext context,
      PlatformProcess platform,
      LoadClient client,
      BenchSettings.BurstFromZero settings,
      String function)
      throws Exception {
    deployAtZero(context, platform, settings, function);
    int rate = (int) (settings.requests() * 1000L / settings.window().toMillis());
    try (ReplicaSampler sampler = new ReplicaSampler(platform, NAMESPACE, function, 50)) {
      LoadResult load =
          OpenLoop.run(
              client,
              platform.route(NAMESPACE, function, "/"),
              rate,
              settings.window(),
              Duration.ofSeconds(90),
              context.out());
      Thread.sleep(1_000);
      context
          .out()
          .printf(
              "burst-from-zero: %s: %d sent within %.0f ms, %d ok, %d lost, p50 %.0f ms,"
                  + " max %.0f ms, up to %d ready replicas%n",
              function,
              load.sent(),
              load.sendSeconds() * 1000,
              load.ok(),
              load.lost(),
              load.latency().p50(),
              load.latency().max(),
              sampler.maxReady());
      platform.delete(NAMESPACE, function);
      return new Round(function, load, sampler.maxReady(), sampler.samples());
    }
  }

  /**
   * Sends a burst's worth of requests to a function that does not exist (404s, not recorded), so
   * that the generator's own code is compiled before the first measured burst and can send it
   * within the window.
   */
  private static void warmUp(
      BenchContext context,
      PlatformProcess platform,
      LoadClient client,
      BenchSettings.BurstFromZero settings) {
    context.out().println("burst-from-zero: warming the generator up on 404s (not recorded)");
    OpenLoop.run(
        client,
        platform.route(NAMESPACE, "no-such-function", "/"),
        settings.requests(),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        context.out());
  }

  private static void deployAtZero(
      BenchContext context,
      PlatformProcess platform,
      BenchSettings.BurstFromZero settings,
      String function)
      throws InterruptedException {
    platform.apply(
        NAMESPACE,
        function,
        FunctionSpecs.javaFunction(
            NAMESPACE,
            function,
            context.exampleJar("hello"),
            "{minScale: 0, maxScale: " + settings.maxScale() + ", scaleToZeroGracePeriod: 30s}"));
    platform.awaitZero(NAMESPACE, function, Duration.ofSeconds(30));
    context
        .out()
        .printf(
            "burst-from-zero: %s at zero, %d requests within %d ms%n",
            function, settings.requests(), settings.window().toMillis());
  }

  private static ScenarioOutcome report(
      BenchContext context, BenchSettings.BurstFromZero settings, Result result) throws Exception {
    List<LoadResult> loads = result.rounds().stream().map(Round::load).toList();
    var table =
        LoadCharts.table(
            "Bursts of "
                + settings.requests()
                + " requests within "
                + settings.window().toMillis()
                + " ms at a function at zero",
            loads);
    context.out().println(table.toText());
    HtmlPage page =
        new HtmlPage("zeroscale burst from zero")
            .paragraph(
                "Each round: a fresh hello at zero; "
                    + settings.requests()
                    + " requests sent through the router within "
                    + settings.window().toMillis()
                    + " ms; latency counts from each request's intended send time.")
            .table(table)
            .chart(LoadCharts.percentileBars("Latency per burst", loads));
    for (Round r : result.rounds()) {
      page.chart(
          SvgChart.lines(
              "Replicas of " + r.function() + " over time",
              "seconds",
              "replicas",
              ReplicaCharts.series("", r.replicas())));
    }
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("requests per burst", settings.requests());
    headline.put("bursts", result.rounds().size());
    headline.put("lost over all bursts", result.lost());
    headline.put("ms to send the first burst", loads.get(0).sendSeconds() * 1000);
    headline.put("p50 ms (first burst)", loads.get(0).latency().p50());
    headline.put("max ms (first burst)", loads.get(0).latency().max());
    return ResultFiles.write(context, NAME, settings, result, headline, result.lost(), page);
  }
}
