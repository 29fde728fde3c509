package io.zeroscale.loadtest.scenario.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.loadtest.baseline.Wrk;
import io.zeroscale.loadtest.generator.LatencySummary;
import io.zeroscale.loadtest.generator.LoadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyComparisonTest {

  static LoadResult open(String target, int rate, double p50, double p99) {
    return new LoadResult(
        target,
        "open",
        rate,
        0,
        10,
        10,
        100,
        100,
        100,
        0,
        rate,
        new LatencySummary(100, p50, p50, p99, p99, p99, p99),
        Map.of(),
        List.of());
  }

  static LoadResult closed(String target, double throughput) {
    return new LoadResult(
        target,
        "closed",
        0,
        64,
        10,
        10,
        100,
        100,
        100,
        0,
        throughput,
        new LatencySummary(100, 1, 1, 1, 1, 1, 1),
        Map.of(),
        List.of());
  }

  static Wrk.WrkResult wrk(String target, double throughput) {
    return new Wrk.WrkResult(target, 2, 64, 10, throughput, 1, 1, 1, 0);
  }

  @Test
  void ratiosCompareTheRouterWithDirectAndEachProxy() {
    ProxyComparison c =
        ProxyComparison.of(
            List.of(),
            List.of(
                closed("direct", 50_000),
                closed("zeroscale", 30_000),
                closed("nginx", 20_000),
                closed("haproxy", 25_000)),
            List.of(
                wrk("direct", 40_000),
                wrk("zeroscale", 20_000),
                wrk("nginx", 20_000),
                wrk("haproxy", 10_000)));

    assertThat(c.closedLoop().routerVsDirect()).isEqualTo(0.6);
    assertThat(c.closedLoop().routerVsNginx()).isEqualTo(1.5);
    assertThat(c.closedLoop().routerVsHaproxy()).isEqualTo(1.2);
    assertThat(c.closedLoop().routerVsBestProxy()).as("best proxy is haproxy").isEqualTo(1.2);
    assertThat(c.wrk().routerVsBestProxy()).as("best proxy is nginx").isEqualTo(1.0);
  }

  @Test
  void addedLatencyIsEachPathMinusDirectAtTheSameRate() {
    ProxyComparison c =
        ProxyComparison.of(
            List.of(
                open("direct", 1000, 0.3, 1.0),
                open("zeroscale", 1000, 0.5, 1.5),
                open("nginx", 1000, 0.4, 2.0),
                open("haproxy", 1000, 0.45, 1.75),
                open("direct", 5000, 0.5, 3.0),
                open("zeroscale", 5000, 0.6, 2.5)),
            List.of(),
            List.of());

    assertThat(c.rates()).hasSize(2);
    ProxyComparison.AddedLatency at1000 = c.rates().get(0);
    assertThat(at1000.rate()).isEqualTo(1000);
    assertThat(at1000.addedP50())
        .containsEntry("zeroscale", 0.2)
        .containsEntry("nginx", 0.1)
        .containsEntry("haproxy", 0.15);
    assertThat(at1000.addedP99()).containsEntry("zeroscale", 0.5).containsEntry("nginx", 1.0);
    assertThat(at1000.routerP99VsHaproxyP99()).as("1.5 - 1.75").isEqualTo(-0.25);
    assertThat(c.rates().get(1).addedP99()).containsEntry("zeroscale", -0.5);
  }

  @Test
  void aMissingTargetGivesARatioOfZeroNotADivisionByZero() {
    ProxyComparison c = ProxyComparison.of(List.of(), List.of(closed("zeroscale", 10)), List.of());

    assertThat(c.closedLoop().routerVsDirect()).isZero();
    assertThat(c.wrk().routerVsBestProxy()).isZero();
  }
}
