package io.zeroscale.loadtest.scenario.proxy;

import io.zeroscale.loadtest.baseline.ReverseProxy;
import io.zeroscale.loadtest.baseline.Wrk;
import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.generator.ClosedLoop;
import io.zeroscale.loadtest.generator.LoadClient;
import io.zeroscale.loadtest.generator.LoadResult;
import io.zeroscale.loadtest.generator.LoadTarget;
import io.zeroscale.loadtest.generator.OpenLoop;
import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.PlatformProcess;
import io.zeroscale.loadtest.scenario.Scenario;
import io.zeroscale.loadtest.scenario.ScenarioOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a platform with {@code hello} pinned at one replica, then nginx and HAProxy in front of
 * that replica, and measures the four paths in turn: open loop at each rate, a closed-loop max
 * throughput run, one wrk run. Steps in {@link #run}.
 */
public final class ProxyOverheadScenario implements Scenario {

  public static final String NAME = "proxy-overhead";
  static final String NAMESPACE = "bench";
  static final String FUNCTION = "hello";

  @Override
  public String name() {
    return NAME;
  }

  /** What the scenario measured; ratios and differences are in {@link ProxyComparison}. */
  public record Result(
      String replica,
      List<LoadResult> openLoop,
      List<LoadResult> closedLoop,
      List<Wrk.WrkResult> wrk,
      ProxyComparison comparison) {}

  @Override
  public ScenarioOutcome run(BenchContext context) throws Exception {
    BenchSettings.ProxyOverhead settings = context.settings().proxyOverhead();
    Path dir = context.dir(NAME);
    try (PlatformProcess platform =
        PlatformProcess.start(context.repoRoot(), dir.resolve("platform.log"), Map.of())) {
      String replica = pinnedHello(context, platform);
      context.out().println("proxy-overhead: hello replica at " + replica);
      int workers = context.cores();
      try (ReverseProxy nginx =
              ReverseProxy.start(ReverseProxy.Kind.NGINX, replica, workers, dir.resolve("nginx"));
          ReverseProxy haproxy =
              ReverseProxy.start(
                  ReverseProxy.Kind.HAPROXY, replica, workers, dir.resolve("haproxy"));
          LoadClient client =
              LoadClient.start(context.cores(), settings.clients(), Duration.ofSeconds(30))) {
        List<LoadTarget> targets =
            List.of(
                direct(replica),
                platform.route(NAMESPACE, FUNCTION, "/"),
                nginx.target("/"),
                haproxy.target("/"));
        warmUp(context, client, targets, settings);
        List<LoadResult> open = openLoop(context, client, targets, settings);
        List<LoadResult> closed = new ArrayList<>();
        for (LoadTarget target : targets) {
          closed.add(
              ClosedLoop.run(
                  client, target, settings.clients(), settings.closedDuration(), context.out()));
        }
        List<Wrk.WrkResult> wrk = wrk(targets, settings);
        Result result =
            new Result(replica, open, closed, wrk, ProxyComparison.of(open, closed, wrk));
        return ProxyOverheadReport.write(context, settings, result);
      }
    }
  }

  /** Deploys hello with min = max = 1 replica and returns that replica's address. */
  private static String pinnedHello(BenchContext context, PlatformProcess platform)
      throws InterruptedException {
    platform.apply(
        NAMESPACE,
        FUNCTION,
        FunctionSpecs.javaFunction(
            NAMESPACE,
            FUNCTION,
            context.exampleJar("hello"),
            "{minScale: 1, maxScale: 1, target: 1000}"));
    platform.awaitReady(NAMESPACE, FUNCTION, 1, Duration.ofSeconds(90));
    return platform.replicas(NAMESPACE, FUNCTION).get(0).address();
  }

  private static LoadTarget direct(String replica) {
    String[] hostPort = replica.split(":");
    return new LoadTarget("direct", hostPort[0], Integer.parseInt(hostPort[1]), "/");
  }

  /** Brings every path's JIT and connections up before anything is recorded. */
  private static void warmUp(
      BenchContext context,
      LoadClient client,
      List<LoadTarget> targets,
      BenchSettings.ProxyOverhead settings) {
    context.out().println("proxy-overhead: warming up (not recorded)");
    for (LoadTarget target : targets) {
      ClosedLoop.run(client, target, settings.clients(), settings.warmup(), context.out());
    }
  }

  /** Every rate against every target, rate by rate, so that targets see the same conditions. */
  private static List<LoadResult> openLoop(
      BenchContext context,
      LoadClient client,
      List<LoadTarget> targets,
      BenchSettings.ProxyOverhead settings) {
    List<LoadResult> results = new ArrayList<>();
    for (int rate : settings.rates()) {
      for (LoadTarget target : targets) {
        results.add(
            OpenLoop.run(
                client, target, rate, settings.perRate(), Duration.ofSeconds(30), context.out()));
      }
    }
    return results;
  }

  private static List<Wrk.WrkResult> wrk(
      List<LoadTarget> targets, BenchSettings.ProxyOverhead settings) throws Exception {
    List<Wrk.WrkResult> results = new ArrayList<>();
    for (LoadTarget target : targets) {
      results.add(
          Wrk.run(
              target.name(), target.url(), 2, settings.wrkConnections(), settings.wrkSeconds()));
    }
    return results;
  }
}
