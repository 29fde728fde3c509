package io.zeroscale.loadtest.scenario.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import org.junit.jupiter.api.Test;

class ColdStartSmokeTest {

  @Test
  void wakesHelloFromZeroAndSplitsTheWaitIntoStartupAndOverhead() throws Exception {
    JsonNode result = SmokeRun.run(new ColdStartScenario(), 1);

    assertThat(result.path("aloneMillis").size()).isEqualTo(1);
    JsonNode round = result.path("rounds").get(0);
    assertThat(round.path("status").asInt()).isEqualTo(200);
    assertThat(round.path("firstByteMillis").asDouble()).isPositive();
    assertThat(round.path("replicaStartupMillis").asLong()).isPositive();
    assertThat(round.path("overheadMillis").asDouble())
        .isEqualTo(
            round.path("firstByteMillis").asDouble() - round.path("replicaStartupMillis").asLong(),
            org.assertj.core.data.Offset.offset(0.11));
    assertThat(result.path("overhead").path("count").asInt()).isEqualTo(1);
  }
}
