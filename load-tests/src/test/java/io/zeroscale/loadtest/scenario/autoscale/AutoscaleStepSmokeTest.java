package io.zeroscale.loadtest.scenario.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscaleStepSmokeTest {

  @Test
  void stepsTheClientsAndSamplesTheReplicas() throws Exception {
    JsonNode result = SmokeRun.run(new AutoscaleStepScenario(), 3);

    SmokeRun.assertLoadRuns(mapper().createArrayNode().add(result.path("load")), 1);
    List<Integer> clients =
        result.path("load").path("timeline").findValues("clients").stream()
            .map(JsonNode::asInt)
            .toList();
    assertThat(clients).contains(1, 10);
    assertThat(result.path("replicas").size()).isPositive();
    assertThat(result.path("maxReady").asInt()).isPositive();
  }

  private static com.fasterxml.jackson.databind.ObjectMapper mapper() {
    return new com.fasterxml.jackson.databind.ObjectMapper();
  }
}
