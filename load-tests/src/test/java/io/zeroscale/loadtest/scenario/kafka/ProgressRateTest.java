package io.zeroscale.loadtest.scenario.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records/s of a path from its committed-offset samples, by table. */
class ProgressRateTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "counts from the first sample above zero to the first at the total",
            "0:0 1:0 2:100 3:500 4:1000 5:1000",
            1000,
            450.0,
            2.0,
            4.0),
        Arguments.of(
            "the records committed before the first sample above zero are not in the window",
            "0:0 1:400 3:1000",
            1000,
            300.0,
            1.0,
            3.0),
        Arguments.of(
            "nothing committed: no rate, no window", "0:0 1:0 2:0", 1000, null, -1.0, -1.0),
        Arguments.of(
            "never reaches the total: no rate, the window's start only",
            "0:0 1:10 2:999",
            1000,
            null,
            1.0,
            -1.0),
        Arguments.of(
            "the total in the first sample above zero: too fast for the period, no rate",
            "0:0 1:1000",
            1000,
            null,
            1.0,
            1.0),
        Arguments.of("no samples at all", "", 1000, null, -1.0, -1.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rateOverTheCommittedWindow(
      String behaviour, String samples, long total, Double rate, double from, double to) {
    ProgressRate result = ProgressRate.of(points(samples), total);

    if (rate == null) {
      assertThat(result.recordsPerSecond()).as(behaviour).isNull();
    } else {
      assertThat(result.recordsPerSecond()).as(behaviour).isCloseTo(rate, within());
    }
    assertThat(result.fromSeconds()).as(behaviour + ": from").isEqualTo(from);
    assertThat(result.toSeconds()).as(behaviour + ": to").isEqualTo(to);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** {@code "seconds:committed ..."}. */
  private static List<ProgressRate.Point> points(String text) {
    List<ProgressRate.Point> points = new ArrayList<>();
    for (String p : text.trim().split("\\s+")) {
      if (!p.isEmpty()) {
        String[] parts = p.split(":");
        points.add(new ProgressRate.Point(Double.parseDouble(parts[0]), Long.parseLong(parts[1])));
      }
    }
    return points;
  }
}
