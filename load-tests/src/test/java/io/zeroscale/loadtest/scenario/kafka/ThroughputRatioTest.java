package io.zeroscale.loadtest.scenario.kafka;

import static io.zeroscale.loadtest.scenario.kafka.KafkaThroughputScenario.RAW_READ;
import static io.zeroscale.loadtest.scenario.kafka.KafkaThroughputScenario.RAW_WORDCOUNT;
import static io.zeroscale.loadtest.scenario.kafka.KafkaThroughputScenario.ZEROSCALE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which baseline a path's records/s is divided by in the table. */
class ThroughputRatioTest {

  private static final List<KafkaThroughputScenario.Run> RUNS =
      List.of(
          run(RAW_READ, 1, 1000.0),
          run(RAW_READ, 3, 2000.0),
          run(RAW_WORDCOUNT, 1, 400.0),
          run(ZEROSCALE, 1, 200.0),
          run(ZEROSCALE, 3, 800.0),
          run(ZEROSCALE, 6, null));

  @Test
  void dividesByTheBaselineAtTheSameCount() {
    assertThat(KafkaThroughputReport.ratio(RUNS.get(4), RUNS, RAW_READ)).isEqualTo(0.4);
    assertThat(KafkaThroughputReport.ratio(RUNS.get(3), RUNS, RAW_READ)).isEqualTo(0.2);
  }

  @Test
  void fallsBackToTheBaselineAtOneConsumerWhenItRanAtNoSuchCount() {
    assertThat(KafkaThroughputReport.ratio(RUNS.get(4), RUNS, RAW_WORDCOUNT)).isEqualTo(2.0);
  }

  @Test
  void hasNoRatioWhenARateIsUnknown() {
    assertThat(KafkaThroughputReport.ratio(RUNS.get(5), RUNS, RAW_READ)).isNull();
    assertThat(KafkaThroughputReport.ratio(RUNS.get(3), List.of(RUNS.get(3)), RAW_READ)).isNull();
  }

  private static KafkaThroughputScenario.Run run(String path, int consumers, Double rate) {
    ProgressRate progress = new ProgressRate(rate, 0, 1);
    return new KafkaThroughputScenario.Run(
        path, consumers, "g", 10, true, progress, progress, null, null, consumers, List.of());
  }
}
