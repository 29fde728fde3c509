package io.zeroscale.loadtest.scenario.burst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import org.junit.jupiter.api.Test;

/** The real burst: 1,000 requests within 100 ms at a function at zero, none lost. */
class BurstFromZeroSmokeTest {

  @Test
  void everyRequestOfTheBurstIsAnswered() throws Exception {
    JsonNode result = SmokeRun.run(new BurstFromZeroScenario(), 2);

    assertThat(result.path("lost").asLong()).isZero();
    JsonNode round = result.path("rounds").get(0);
    assertThat(round.path("load").path("sent").asLong()).isEqualTo(1000);
    assertThat(round.path("load").path("ok").asLong()).isEqualTo(1000);
    assertThat(round.path("load").path("outcomes").path("200").asLong()).isEqualTo(1000);
    assertThat(round.path("maxReady").asInt()).as("replicas woke").isPositive();
    assertThat(round.path("replicas").get(0).path("ready").asInt()).as("at zero first").isZero();
  }
}
