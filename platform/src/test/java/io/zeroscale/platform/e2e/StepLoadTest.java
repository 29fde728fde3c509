package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step from 1 to 50 concurrent clients against a function with target 10: the autoscaler sees the
 * backlog at its next decision, enters panic mode and goes to 5 replicas in one decision (the
 * issue's acceptance scenario, with the echo function standing in for sleepy).
 */
@QuarkusTest
class StepLoadTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("stepped");
  }

  @Test
  void stepFromOneToFiftyClientsReachesFiveReplicasThroughPanicWithinTheStepsFirstDecisions()
      throws Exception {
    platform.deploy("stepped", "{minScale: 0, maxScale: 5, target: 10}");
    var uri = platform.functionUri("stepped", "/work?sleepMs=200");
    try (SteadyLoad one = new SteadyLoad(platform, uri, 1)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("stepped") == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> one.answered() > 5);
      assertThat(metric("zeroscale_autoscaler_panic_entries_total")).isZero();
      double upBefore = metric("zeroscale_scale_decisions_total", "direction=\"up\"");

      try (SteadyLoad fifty = new SteadyLoad(platform, uri, 49)) {
        await("5 ready replicas after the step")
            .atMost(Duration.ofSeconds(60))
            .until(() -> platform.ready("stepped") == 5);
        assertThat(metric("zeroscale_autoscaler_panic_entries_total"))
            .as("panic entered")
            .isEqualTo(1.0);
        // One decision when the 49 clients are all sending by the next tick; on a busy host
        // their ramp can straddle a tick (in flight 22, then 44: 1 -> 3 -> 5). Never a staircase.
        assertThat(metric("zeroscale_scale_decisions_total", "direction=\"up\"") - upBefore)
            .as("decisions that took it from 1 to 5")
            .isBetween(1.0, 2.0);
        assertThat(fifty.failed()).isZero();
      }
      assertThat(one.failed()).isZero();
    }
  }

  private static double metric(String name, String... labels) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{") && l.contains("function=\"stepped\""))
        .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
