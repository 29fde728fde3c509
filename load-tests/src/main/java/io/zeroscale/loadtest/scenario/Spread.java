package io.zeroscale.loadtest.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median, min, max and mean of a few measurements (rounds of a scenario), in their unit. The median
 * of an even count is the lower middle value: a measured value, not an average of two.
 */
public record Spread(int count, double p50, double min, double max, double mean) {

  public static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      return new Spread(0, 0, 0, 0, 0);
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double mean = sorted.stream().mapToDouble(v -> v).average().orElse(0);
    return new Spread(
        sorted.size(),
        round(sorted.get((sorted.size() - 1) / 2)),
        round(sorted.get(0)),
        round(sorted.get(sorted.size() - 1)),
        round(mean));
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
