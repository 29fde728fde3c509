package io.zeroscale.loadtest.scenario.coldstart;

import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.PlatformProcess;
import io.zeroscale.loadtest.report.HtmlPage;
import io.zeroscale.loadtest.report.SvgChart;
import io.zeroscale.loadtest.report.TextTable;
import io.zeroscale.loadtest.scenario.ResultFiles;
import io.zeroscale.loadtest.scenario.Scenario;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import io.zeroscale.loadtest.scenario.Spread;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N rounds of: {@code hello} at zero, one request through the router, time to its first byte; next
 * to it the replica's own process start → ready as the platform measured it. Also N starts of hello
 * alone, for reference.
 */
public final class ColdStartScenario implements Scenario {

  public static final String NAME = "cold-start";
  static final String NAMESPACE = "bench";
  static final String FUNCTION = "cold-hello";

  /** One cold start through the platform, in milliseconds. */
  public record Round(
      int round,
      int status,
      double firstByteMillis,
      long replicaStartupMillis,
      double overheadMillis) {

    static Round of(int round, int status, double firstByteMillis, long replicaStartupMillis) {
      double overhead = Math.round((firstByteMillis - replicaStartupMillis) * 10) / 10.0;
      return new Round(
          round, status, Math.round(firstByteMillis * 10) / 10.0, replicaStartupMillis, overhead);
    }
  }

  /** The rounds and their spreads; {@code aloneCommand} is how the replicas were started. */
  public record Result(
      List<String> aloneCommand,
      List<Double> aloneMillis,
      List<Round> rounds,
      Spread alone,
      Spread firstByte,
      Spread replicaStartup,
      Spread overhead) {

    static Result of(List<String> command, List<Double> alone, List<Round> rounds) {
      return new Result(
          command,
          alone,
          rounds,
          Spread.of(alone),
          Spread.of(rounds.stream().map(Round::firstByteMillis).toList()),
          Spread.of(rounds.stream().map(r -> (double) r.replicaStartupMillis()).toList()),
          Spread.of(rounds.stream().map(Round::overheadMillis).toList()));
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    int rounds = context.settings().coldStart().rounds();
    Path dir = context.dir(NAME);
    Path jar = context.exampleJar("hello");
    List<Round> measured = new ArrayList<>();
    List<String> replicaCommand = List.of();
    // A short autoscaler tick only shortens the wait for zero between rounds; the wake-up itself
    // is triggered by the waiting request, not by the tick.
    try (PlatformProcess platform =
        PlatformProcess.start(
            context.repoRoot(),
            dir.resolve("platform.log"),
            Map.of("zeroscale.autoscaler.tick", "500ms"))) {
      platform.apply(
          NAMESPACE,
          FUNCTION,
          FunctionSpecs.javaFunction(
              NAMESPACE, FUNCTION, jar, "{minScale: 0, maxScale: 1, scaleToZeroGracePeriod: 1s}"));
      for (int i = 1; i <= rounds; i++) {
        Woken woken = wakeWithRetries(context, platform, i);
        measured.add(woken.round());
        if (replicaCommand.isEmpty()) {
          replicaCommand = FunctionAlone.commandOf(woken.replica().pid(), jar);
        }
      }
      platform.delete(NAMESPACE, FUNCTION);
    }
    context.out().println("cold-start: hello alone runs " + String.join(" ", replicaCommand));
    List<Double> alone = new ArrayList<>();
    for (int i = 1; i <= rounds; i++) {
      alone.add(FunctionAlone.startMillis(replicaCommand, dir.resolve("hello-alone.log")));
      context.out().printf("cold-start: hello alone, round %d: %.0f ms%n", i, alone.get(i - 1));
    }
    return report(context, Result.of(replicaCommand, alone, measured));
  }

  /** A measured round and the replica that served it. */
  private record Woken(Round round, PlatformProcess.Replica replica) {}

  /**
   * One round; if the replica is gone right after its wake (it crashed, e.g. its port was taken by
   * another process between the platform's check and its bind), the round is discarded, said on the
   * console and the platform log, and tried again, at most three times.
   */
  private Woken wakeWithRetries(BenchContext context, PlatformProcess platform, int i)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      platform.awaitZero(NAMESPACE, FUNCTION, Duration.ofSeconds(60));
      Optional<Woken> woken = round(context, platform, i);
      if (woken.isPresent()) {
        return woken.get();
      }
      if (attempt == 3) {
        throw new IllegalStateException(
            "cold-start: three wakes in a row lost their replica right after it was ready;"
                + " see platform.log in "
                + context.dir(NAME));
      }
      context
          .out()
          .printf(
              "cold-start: round %d: no ready replica listed after the answer (it exited; see"
                  + " platform.log); discarded, trying again%n",
              i);
    }
  }

  private Optional<Woken> round(BenchContext context, PlatformProcess platform, int i)
      throws Exception {
    URI uri = URI.create(platform.route(NAMESPACE, FUNCTION, "/").url());
    AtomicLong firstByte = new AtomicLong();
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            info -> {
              firstByte.set(System.nanoTime());
              return HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
            });
    double ttfb = (firstByte.get() - start) / 1e6;
    Optional<PlatformProcess.Replica> replica =
        platform.replicas(NAMESPACE, FUNCTION).stream()
            .filter(r -> r.startupMillis() != null)
            .findFirst();
    if (replica.isEmpty()) {
      return Optional.empty();
    }
    long startup = replica.get().startupMillis();
    Round round = Round.of(i, response.statusCode(), ttfb, startup);
    context
        .out()
        .printf(
            "cold-start: round %d: HTTP %d, first byte after %.0f ms, replica start->ready %d ms,"
                + " platform overhead %.0f ms%n",
            i, round.status(), round.firstByteMillis(), startup, round.overheadMillis());
    return Optional.of(new Woken(round, replica.get()));
  }

  private static ScenarioOutcome report(BenchContext context, Result result) throws Exception {
    TextTable table = table(result);
    context.out().println(table.toText());
    HtmlPage page =
        new HtmlPage("zeroscale cold start")
            .paragraph(
                "Platform overhead = time to first byte of a request to hello at zero"
                    + " minus the replica's own process start -> ready (probed every 10 ms).")
            .table(table)
            .chart(
                SvgChart.lines(
                    "Cold start per round",
                    "round",
                    "ms",
                    List.of(
                        perRound("first byte", result, Round::firstByteMillis),
                        perRound("replica start->ready", result, r -> r.replicaStartupMillis()),
                        perRound("platform overhead", result, Round::overheadMillis))));
    Map<String, Object> headline = new LinkedHashMap<>();
    headline.put("platform overhead p50 ms", result.overhead().p50());
    headline.put("platform overhead max ms", result.overhead().max());
    headline.put("first byte p50 ms", result.firstByte().p50());
    headline.put("hello alone p50 ms", result.alone().p50());
    long lost = result.rounds().stream().filter(r -> r.status() != 200).count();
    return ResultFiles.write(
        context, NAME, context.settings().coldStart(), result, headline, lost, page);
  }

  private static TextTable table(Result result) {
    TextTable table = new TextTable("Cold start of hello (ms)", "measure", "p50", "min", "max");
    row(table, "hello alone: process start -> first 200", result.alone());
    row(table, "through zeroscale at zero: request -> first byte", result.firstByte());
    row(table, "  of which the replica's own start -> ready", result.replicaStartup());
    row(table, "  platform overhead (difference, per round)", result.overhead());
    return table;
  }

  private static void row(TextTable table, String measure, Spread spread) {
    table.row(measure, spread.p50(), spread.min(), spread.max());
  }

  private static SvgChart.Series perRound(
      String name, Result result, java.util.function.ToDoubleFunction<Round> value) {
    return new SvgChart.Series(
        name,
        result.rounds().stream()
            .map(r -> new double[] {r.round(), value.applyAsDouble(r)})
            .toList());
  }
}
