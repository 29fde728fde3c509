package io.zeroscale.loadtest.scenario;

import io.zeroscale.loadtest.process.ReplicaSampler;
import io.zeroscale.loadtest.report.SvgChart;
import java.util.ArrayList;
import java.util.List;

/** Replicas over time as chart series (desired and ready), optionally with more series. */
public final class ReplicaCharts {

  private ReplicaCharts() {}

  public static List<SvgChart.Series> series(String prefix, List<ReplicaSampler.Sample> samples) {
    List<SvgChart.Series> series = new ArrayList<>();
    series.add(
        new SvgChart.Series(
            prefix + "desired",
            samples.stream().map(s -> new double[] {s.atSeconds(), s.desired()}).toList()));
    series.add(
        new SvgChart.Series(
            prefix + "ready",
            samples.stream().map(s -> new double[] {s.atSeconds(), s.ready()}).toList()));
    return series;
  }
}
