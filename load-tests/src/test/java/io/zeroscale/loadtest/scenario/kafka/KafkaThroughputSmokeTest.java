package io.zeroscale.loadtest.scenario.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.config.BenchSettings;
import io.zeroscale.loadtest.scenario.SmokeRun;
import org.junit.jupiter.api.Test;

/**
 * The real scenario at smoke size: a broker in a child JVM, raw consumers, and wordcount on the
 * platform. Every path commits every record, and the consume-produce paths write an output for
 * each; no timing is checked.
 */
class KafkaThroughputSmokeTest {

  @Test
  void everyPathCommitsEveryRecord() throws Exception {
    BenchSettings.KafkaThroughput settings = BenchSettings.smoke().kafkaThroughput();
    long records = settings.records();

    JsonNode result = SmokeRun.run(new KafkaThroughputScenario(), 3);

    assertThat(result.path("produced").path("records").asLong()).isEqualTo(records);
    assertThat(result.path("uncommitted").asLong()).isZero();
    JsonNode runs = result.path("runs");
    assertThat(runs.size())
        .isEqualTo(
            settings.rawReaders().size()
                + settings.rawWordcount().size()
                + settings.replicas().size());
    for (JsonNode run : runs) {
      String name = run.path("path").asText() + " x" + run.path("consumers").asInt();
      assertThat(run.path("committed").asLong()).as(name + " committed").isEqualTo(records);
      assertThat(run.path("complete").asBoolean()).as(name + " complete").isTrue();
      assertThat(run.path("maxMembers").asInt())
          .as(name + ": consumers seen in its group")
          .isBetween(1, run.path("consumers").asInt());
      assertThat(run.path("progress").size()).as(name + " samples").isPositive();
      JsonNode last = run.path("progress").get(run.path("progress").size() - 1);
      assertThat(last.path("lag").asLong()).as(name + " lag at the end").isZero();
      if (!run.path("path").asText().equals(KafkaThroughputScenario.RAW_READ)) {
        assertThat(run.path("outputRecords").asLong())
            .as(name + ": an output per input, at least once")
            .isGreaterThanOrEqualTo(records);
      }
    }
    assertThat(runs.findValuesAsText("path"))
        .contains(
            KafkaThroughputScenario.RAW_READ,
            KafkaThroughputScenario.RAW_WORDCOUNT,
            KafkaThroughputScenario.ZEROSCALE);
  }
}
