package io.zeroscale.loadtest.scenario.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.loadtest.scenario.SmokeRun;
import org.junit.jupiter.api.Test;

/** The proxy-overhead scenario, seconds long: nginx and HAProxy included (installed if missing). */
class ProxyOverheadSmokeTest {

  @Test
  void measuresTheFourPathsWithOurGeneratorAndWrk() throws Exception {
    JsonNode result = SmokeRun.run(new ProxyOverheadScenario(), 4);

    SmokeRun.assertLoadRuns(result.path("openLoop"), 4);
    SmokeRun.assertLoadRuns(result.path("closedLoop"), 4);
    assertThat(result.path("closedLoop").findValuesAsText("target"))
        .containsExactly("direct", "zeroscale", "nginx", "haproxy");
    assertThat(result.path("wrk").size()).isEqualTo(4);
    for (JsonNode wrk : result.path("wrk")) {
      assertThat(wrk.path("throughput").asDouble()).as(wrk.path("target") + " wrk").isPositive();
      assertThat(wrk.path("errors").asLong()).as(wrk.path("target") + " wrk errors").isZero();
    }
    JsonNode comparison = result.path("comparison");
    assertThat(comparison.path("closedLoop").path("routerVsDirect").asDouble()).isPositive();
    assertThat(comparison.path("wrk").path("routerVsBestProxy").asDouble()).isPositive();
    assertThat(comparison.path("rates").get(0).path("addedP99").has("haproxy")).isTrue();
  }
}
