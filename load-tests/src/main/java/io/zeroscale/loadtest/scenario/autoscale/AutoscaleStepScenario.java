package io.zeroscale.loadtest.scenario.autoscale;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.generator.ClosedLoop;
import io.zeroscale.loadtest.generator.IntervalSample;
import io.zeroscale.loadtest.generator.LoadClient;
import io.zeroscale.loadtest.generator.LoadResult;
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
 * {@code sleepy} (one replica warm, platform defaults) under a closed loop of {@code low}, then
 * {@code high}, then {@code low} clients; replicas sampled every 250 ms.
 */
public final class AutoscaleStepScenario implements Scenario {

  public static final String NAME = "autoscale-step";
  static final String NAMESPACE = "bench";
  static final String FUNCTION = "sleepy";

  /** The load (its timeline has the clients per second) and the replicas over time. */
  public record Result(LoadResult load, int maxReady, List<ReplicaSampler.Sample> replicas) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    BenchSettings.AutoscaleStep settings = context.settings().autoscaleStep();
    Result result;
    try (PlatformProcess platform =
            PlatformProcess.start(
                context.repoRoot(), context.dir(NAME).resolve("platform.log"), Map.of());
        LoadClient client =
            LoadClient.start(context.cores(), settings.high(), Duration.ofSeconds(60))) {
      platform.apply(
          NAMESPACE,
          FUNCTION,
          FunctionSpecs.javaFunction(
              NAMESPACE,
              FUNCTION,
              context.exampleJar("sleepy"),
              "{minScale: 1, maxScale: "
                  + settings.maxScale()
                  + ", target: "
                  + settings.target()
                  + "}"));
      platform.awaitReady(NAMESPACE, FUNCTION, 1, Duration.ofSeconds(90));
      List<ClosedLoop.Phase> phases =
          List.of(
              new ClosedLoop.Phase(settings.low(), settings.before()),
              new ClosedLoop.Phase(settings.high(), settings.highPhase()),
              new ClosedLoop.Phase(settings.low(), settings.after()));
      try (ReplicaSampler sampler = new ReplicaSampler(platform, NAMESPACE, FUNCTION, 250)) {
        LoadResult load =
            ClosedLoop.run(
                client,
                platform.route(NAMESPACE, FUNCTION, "/" + settings.query()),
                phases,
                context.out());
        result = new Result(load, sampler.maxReady(), sampler.samples());
      }
    }
    return report(context, settings, result);
  }

  private static ScenarioOutcome report(
      BenchContext context, BenchSettings.AutoscaleStep settings, Result result) throws Exception {
    var table =
        LoadCharts.table(
            "sleepy "
                + settings.query()
                + ", clients "
                + settings.low()
                + " -> "
                + settings.high()
                + " -> "
                + settings.low(),
            List.of(result.load()));
    context.out().println(table.toText());
    HtmlPage page =
        new HtmlPage("zeroscale autoscale step")
            .paragraph(
                String.format(
                    "sleepy with target %d concurrent requests per replica, max %d replicas;"
                        + " closed loop of %d -> %d -> %d clients. Platform defaults.",
                    settings.target(),
                    settings.maxScale(),
                    settings.low(),
                    settings.high(),
                    settings.low()))
            .table(table)
            .chart(
                SvgChart.lines(
                    "Replicas and load over time", "seconds", "replicas", scale(settings, result)))
            .chart(
                SvgChart.lines(
                    "Latency over time",
                    "seconds",
                    "ms",
                    List.of(
                        line("p50", result.load(), IntervalSample::p50),
                        line("p99", result.load(), IntervalSample::p99))))
            .chart(
                LoadCharts.overTime(
                    "Throughput over time",
                    "req/s",
                    List.of(result.load()),
                    IntervalSample::throughput));
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("max ready replicas", result.maxReady());
    headline.put("p50 ms", result.load().latency().p50());
    headline.put("p99 ms", result.load().latency().p99());
    headline.put("req/s", result.load().throughput());
    return ResultFiles.write(context, NAME, settings, result, headline, result.load().lost(), page);
  }

  /** Desired and ready replicas next to the replicas the load calls for (clients ÷ target). */
  private static List<SvgChart.Series> scale(BenchSettings.AutoscaleStep settings, Result result) {
    List<SvgChart.Series> scale = new ArrayList<>(ReplicaCharts.series("", result.replicas()));
    scale.add(
        line("clients ÷ target", result.load(), s -> s.clients() / (double) settings.target()));
    return scale;
  }

  private static SvgChart.Series line(
      String name, LoadResult load, java.util.function.ToDoubleFunction<IntervalSample> value) {
    return new SvgChart.Series(
        name,
        load.timeline().stream()
            .map(s -> new double[] {s.atSeconds(), value.applyAsDouble(s)})
            .toList());
  }
}
