package io.zeroscale.loadtest.scenario.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import org.junit.jupiter.api.Test;

class MemorySmokeTest {

  @Test
  void samplesThePlatformEmptyIdleAndUnderLoad() throws Exception {
    JsonNode result = SmokeRun.run(new MemoryScenario(), 1);

    assertThat(result.path("functions").asInt()).isEqualTo(10);
    assertThat(result.path("emptyMiB").asDouble()).isPositive();
    assertThat(result.path("idleMiB").asDouble()).isPositive();
    assertThat(result.path("underLoadMaxMiB").asDouble()).isPositive();
    assertThat(result.path("samples").findValuesAsText("phase")).contains("empty", "idle", "load");
    assertThat(result.path("load").path("lost").asLong()).isZero();
  }
}
