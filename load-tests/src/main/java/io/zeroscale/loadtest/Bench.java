package io.zeroscale.loadtest;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.report.TextTable;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import io.zeroscale.loadtest.scenario.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench <scenario>...|all [--smoke]}: runs scenarios one after the other. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks zeroscale side by side with direct calls, nginx, HAProxy and raw Kafka clients.",
      "Scenarios: proxy-overhead, cold-start, burst-from-zero, autoscale-step, memory,",
      "kafka-throughput, or all.",
      "Each writes result.json and report.html to <results>/<scenario>/."
    })
public final class Bench implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario names, or all")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--smoke", description = "seconds-long runs (what the tests run)")
  boolean smoke;

  @Option(
      names = "--results",
      description = "results folder (default: load-tests/target/results)",
      paramLabel = "DIR")
  Path results;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new Bench())
            .setExecutionExceptionHandler(Bench::explainFailure)
            .execute(args));
  }

  /** A failure the benchmark explains (bad name, missing jar, tool) prints its message only. */
  private static int explainFailure(
      Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      System.err.println("bench: " + e.getMessage());
    } else {
      e.printStackTrace();
    }
    return 1;
  }

  @Override
  public Integer call() throws Exception {
    Path root = BenchContext.findRepoRoot(Path.of(""));
    Path dir = results != null ? results : root.resolve("load-tests/target/results");
    BenchContext context =
        new BenchContext(
            root, dir, smoke ? BenchSettings.smoke() : BenchSettings.full(), smoke, System.out);
    List<ScenarioOutcome> outcomes = new ArrayList<>();
    for (var scenario : Scenarios.resolve(scenarios)) {
      System.out.println("== " + scenario.name() + (smoke ? " (smoke)" : ""));
      outcomes.add(scenario.run(context));
    }
    System.out.println(summary(outcomes).toText());
    outcomes.forEach(o -> System.out.println(o.scenario() + ": " + o.json() + " " + o.html()));
    return outcomes.stream().anyMatch(o -> o.lost() > 0) ? 2 : 0;
  }

  private static TextTable summary(List<ScenarioOutcome> outcomes) {
    TextTable table = new TextTable("Summary", "scenario", "figure", "value");
    for (ScenarioOutcome o : outcomes) {
      for (Map.Entry<String, Object> e : o.headline().entrySet()) {
        table.row(o.scenario(), e.getKey(), e.getValue());
      }
      table.row(o.scenario(), "lost (requests; records not committed)", o.lost());
    }
    return table;
  }
}
