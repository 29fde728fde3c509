package io.zeroscale.loadtest.scenario.proxy;

import io.zeroscale.loadtest.baseline.Wrk;
import io.zeroscale.loadtest.generator.LoadResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures the scenario exists for, computed from its runs (pure): throughput ratios of the
 * router against direct calls and against each proxy, and the latency each proxy adds to direct
 * calls at each rate.
 *
 * @param closedLoop throughput of our closed-loop runs
 * @param wrk throughput of the wrk runs
 * @param rates latency added over direct calls, per open-loop rate
 */
public record ProxyComparison(Throughput closedLoop, Throughput wrk, List<AddedLatency> rates) {

  static final String DIRECT = "direct";
  static final String ROUTER = "zeroscale";

  /**
   * Requests per second by target, and the router's ratios.
   *
   * @param routerVsBestProxy router ÷ the better of nginx and HAProxy
   */
  public record Throughput(
      Map<String, Double> perSecond,
      double routerVsDirect,
      double routerVsNginx,
      double routerVsHaproxy,
      double routerVsBestProxy) {

    static Throughput of(Map<String, Double> perSecond) {
      double router = perSecond.getOrDefault(ROUTER, 0.0);
      double nginx = perSecond.getOrDefault("nginx", 0.0);
      double haproxy = perSecond.getOrDefault("haproxy", 0.0);
      return new Throughput(
          perSecond,
          ratio(router, perSecond.getOrDefault(DIRECT, 0.0)),
          ratio(router, nginx),
          ratio(router, haproxy),
          ratio(router, Math.max(nginx, haproxy)));
    }
  }

  /**
   * Milliseconds each proxy adds to direct calls at one open-loop rate, by proxy name; {@code
   * routerP99VsHaproxyP99} is the router's p99 minus HAProxy's (≤ 0 means no worse).
   */
  public record AddedLatency(
      int rate,
      Map<String, Double> addedP50,
      Map<String, Double> addedP99,
      double routerP99VsHaproxyP99) {}

  public static ProxyComparison of(
      List<LoadResult> open, List<LoadResult> closed, List<Wrk.WrkResult> wrk) {
    Map<String, Double> closedRps = new LinkedHashMap<>();
    closed.forEach(r -> closedRps.put(r.target(), r.throughput()));
    Map<String, Double> wrkRps = new LinkedHashMap<>();
    wrk.forEach(r -> wrkRps.put(r.target(), r.throughput()));
    List<AddedLatency> rates =
        open.stream()
            .map(LoadResult::rate)
            .distinct()
            .map(rate -> added(rate, open.stream().filter(r -> r.rate() == rate).toList()))
            .toList();
    return new ProxyComparison(Throughput.of(closedRps), Throughput.of(wrkRps), rates);
  }

  private static AddedLatency added(int rate, List<LoadResult> atRate) {
    Map<String, Double> p50 = addedOverDirect(atRate, r -> r.latency().p50());
    Map<String, Double> p99 = addedOverDirect(atRate, r -> r.latency().p99());
    return new AddedLatency(
        rate, p50, p99, round(p99.getOrDefault(ROUTER, 0.0) - p99.getOrDefault("haproxy", 0.0)));
  }

  private static Map<String, Double> addedOverDirect(
      List<LoadResult> atRate, ToDoubleFunction<LoadResult> value) {
    double direct =
        atRate.stream()
            .filter(r -> r.target().equals(DIRECT))
            .mapToDouble(value)
            .findFirst()
            .orElse(0);
    Map<String, Double> added = new LinkedHashMap<>();
    atRate.stream()
        .filter(r -> !r.target().equals(DIRECT))
        .forEach(r -> added.put(r.target(), round(value.applyAsDouble(r) - direct)));
    return added;
  }

  private static double ratio(double a, double b) {
    return b <= 0 ? 0 : Math.round(a / b * 1000) / 1000.0;
  }

  private static double round(double millis) {
    return Math.round(millis * 1000) / 1000.0;
  }
}
