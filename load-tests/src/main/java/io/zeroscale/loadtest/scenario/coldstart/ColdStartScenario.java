package io.zeroscale.loadtest.scenario.coldstart;

import io.zeroscale.loadtest.config.BenchContext;
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
 * alone, for reference. All of it for each {@link JvmSetup}: the default one (the headline), then
 * plain JDK 25 and plain JDK 17 without a cache.
 */
public final class ColdStartScenario implements Scenario {

  public static final String NAME = "cold-start";
  static final String NAMESPACE = "bench";
  static final String SCALING = "{minScale: 0, maxScale: 1, scaleToZeroGracePeriod: 1s}";

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

  /**
   * One set-up's rounds and their spreads; {@code aloneCommand} is how its replicas were started.
   */
  public record SetupResult(
      String setup,
      List<String> aloneCommand,
      List<Double> aloneMillis,
      List<Round> rounds,
      Spread alone,
      Spread firstByte,
      Spread replicaStartup,
      Spread overhead) {

    static SetupResult of(
        String setup, List<String> command, List<Double> alone, List<Round> rounds) {
      return new SetupResult(
          setup,
          command,
          alone,
          rounds,
          Spread.of(alone),
          Spread.of(rounds.stream().map(Round::firstByteMillis).toList()),
          Spread.of(rounds.stream().map(r -> (double) r.replicaStartupMillis()).toList()),
          Spread.of(rounds.stream().map(Round::overheadMillis).toList()));
    }
  }

  /** Every set-up measured; the first is the default, whose figures are the headline. */
  public record Result(List<SetupResult> setups) {

    SetupResult main() {
      return setups.get(0);
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
    List<JvmSetup> setups = JvmSetup.toCompare();
    Map<JvmSetup, List<Round>> measured = new LinkedHashMap<>();
    Map<JvmSetup, List<String>> commands = new LinkedHashMap<>();
    // A short autoscaler tick only shortens the wait for zero between rounds; the wake-up itself
    // is triggered by the waiting request, not by the tick.
    try (PlatformProcess platform =
        PlatformProcess.start(
            context.repoRoot(),
            dir.resolve("platform.log"),
            Map.of("zeroscale.autoscaler.tick", "500ms"))) {
      for (JvmSetup setup : setups) {
        platform.apply(NAMESPACE, setup.function(), setup.spec(NAMESPACE, jar, SCALING));
        List<Round> setupRounds = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
          Woken woken = wakeWithRetries(context, platform, setup, i);
          setupRounds.add(woken.round());
          commands.putIfAbsent(setup, FunctionAlone.commandOf(woken.replica().pid(), jar));
        }
        platform.delete(NAMESPACE, setup.function());
        measured.put(setup, setupRounds);
      }
    }
    List<SetupResult> results = new ArrayList<>();
    for (JvmSetup setup : setups) {
      List<String> command = commands.get(setup);
      context
          .out()
          .printf("cold-start: %s alone runs %s%n", setup.label(), String.join(" ", command));
      List<Double> alone = new ArrayList<>();
      for (int i = 1; i <= rounds; i++) {
        alone.add(FunctionAlone.startMillis(command, dir.resolve(setup.function() + "-alone.log")));
        context
            .out()
            .printf(
                "cold-start: %s alone, round %d: %.0f ms%n", setup.label(), i, alone.get(i - 1));
      }
      results.add(SetupResult.of(setup.label(), command, alone, measured.get(setup)));
    }
    return report(context, new Result(List.copyOf(results)));
  }

  /** A measured round and the replica that served it. */
  private record Woken(Round round, PlatformProcess.Replica replica) {}

  /**
   * One round; if the replica is gone right after its wake (it crashed, e.g. its port was taken by
   * another process between the platform's check and its bind), the round is discarded, said on the
   * console and the platform log, and tried again, at most three times.
   */
  private Woken wakeWithRetries(
      BenchContext context, PlatformProcess platform, JvmSetup setup, int i) throws Exception {
    for (int attempt = 1; ; attempt++) {
      platform.awaitZero(NAMESPACE, setup.function(), Duration.ofSeconds(60));
      Optional<Woken> woken = round(context, platform, setup, i);
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
              "cold-start: %s, round %d: no ready replica listed after the answer (it exited;"
                  + " see platform.log); discarded, trying again%n",
              setup.label(), i);
    }
  }

  private Optional<Woken> round(
      BenchContext context, PlatformProcess platform, JvmSetup setup, int i) throws Exception {
    URI uri = URI.create(platform.route(NAMESPACE, setup.function(), "/").url());
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
        platform.replicas(NAMESPACE, setup.function()).stream()
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
            "cold-start: %s, round %d: HTTP %d, first byte after %.0f ms, replica start->ready %d"
                + " ms, platform overhead %.0f ms%n",
            setup.label(),
            i,
            round.status(),
            round.firstByteMillis(),
            startup,
            round.overheadMillis());
    return Optional.of(new Woken(round, replica.get()));
  }

  private static ScenarioOutcome report(BenchContext context, Result all) throws Exception {
    SetupResult result = all.main();
    TextTable table = table(result);
    TextTable setups = setupTable(all);
    context.out().println(table.toText());
    context.out().println(setups.toText());
    HtmlPage page =
        new HtmlPage("zeroscale cold start")
            .paragraph(
                "Platform overhead = time to first byte of a request to hello at zero"
                    + " minus the replica's own process start -> ready (probed every 10 ms).")
            .table(table)
            .table(setups)
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
    for (SetupResult setup : all.setups().subList(1, all.setups().size())) {
      headline.put(setup.setup() + ": first byte p50 ms", setup.firstByte().p50());
    }
    long lost =
        all.setups().stream()
            .flatMap(s -> s.rounds().stream())
            .filter(r -> r.status() != 200)
            .count();
    return ResultFiles.write(
        context, NAME, context.settings().coldStart(), all, headline, lost, page);
  }

  private static TextTable setupTable(Result all) {
    TextTable table =
        new TextTable(
            "Cold start of hello by JVM set-up, p50 (ms)",
            "set-up",
            "alone",
            "through zeroscale",
            "overhead");
    for (SetupResult setup : all.setups()) {
      table.row(
          setup.setup(), setup.alone().p50(), setup.firstByte().p50(), setup.overhead().p50());
    }
    return table;
  }

  private static TextTable table(SetupResult result) {
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
      String name, SetupResult result, java.util.function.ToDoubleFunction<Round> value) {
    return new SvgChart.Series(
        name,
        result.rounds().stream()
            .map(r -> new double[] {r.round(), value.applyAsDouble(r)})
            .toList());
  }
}
