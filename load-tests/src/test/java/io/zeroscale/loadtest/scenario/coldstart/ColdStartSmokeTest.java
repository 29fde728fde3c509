package io.zeroscale.loadtest.scenario.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartSmokeTest {

  @Test
  void wakesHelloFromZeroPerJvmSetUpAndSplitsTheWaitIntoStartupAndOverhead() throws Exception {
    JsonNode result = SmokeRun.run(new ColdStartScenario(), 1);

    List<String> labels = new ArrayList<>();
    for (JsonNode setup : result.path("setups")) {
      labels.add(setup.path("setup").asText());
      assertThat(setup.path("aloneMillis").size()).as(setup.path("setup").asText()).isEqualTo(1);
      JsonNode round = setup.path("rounds").get(0);
      assertThat(round.path("status").asInt()).isEqualTo(200);
      assertThat(round.path("firstByteMillis").asDouble()).isPositive();
      assertThat(round.path("replicaStartupMillis").asLong()).isPositive();
      assertThat(round.path("overheadMillis").asDouble())
          .isEqualTo(
              round.path("firstByteMillis").asDouble()
                  - round.path("replicaStartupMillis").asLong(),
              org.assertj.core.data.Offset.offset(0.11));
      assertThat(setup.path("overhead").path("count").asInt()).isEqualTo(1);
    }
    List<String> expected = new ArrayList<>();
    for (JvmSetup setup : JvmSetup.toCompare()) {
      expected.add(setup.label());
    }
    assertThat(labels).as("every JVM set-up this machine has, default first").isEqualTo(expected);
    assertThat(labels).hasSizeGreaterThanOrEqualTo(2);
  }
}
