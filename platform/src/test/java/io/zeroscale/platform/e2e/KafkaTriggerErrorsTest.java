package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong Kafka trigger is named at deploy time when the spec shows it, and in the function's
 * {@code TriggerReady} condition when only the cluster knows; other functions keep being served.
 */
@QuarkusTest
class KafkaTriggerErrorsTest {

  private final PlatformClient platform = new PlatformClient();
  private final KafkaBroker kafka = KafkaBroker.shared();

  @AfterEach
  void cleanUp() {
    platform.delete("wc-no-topic");
    platform.delete("wc-no-broker");
    platform.delete("still-served");
  }

  @Test
  void aLagThresholdOfZeroIsRefusedAtDeployWithTheFieldToFix() {
    given()
        .contentType("application/yaml")
        .body(
            """
            metadata: {name: wc-bad, namespace: default}
            spec:
              command: [java, -jar, x.jar]
              triggers:
                kafka: {bootstrapServers: '127.0.0.1:9092', topics: [words], lagThreshold: 0}
            """)
        .put("/api/v1/functions/default/wc-bad")
        .then()
        .statusCode(400)
        .body(containsString("spec.triggers.kafka.lagThreshold"))
        .body(containsString("must be >= 1"));
    given().get("/api/v1/functions/default/wc-bad").then().statusCode(404);
  }

  @Test
  void anUnknownTopicAndAnUnreachableBrokerAreReportedInTheStatusWhileOthersAreServed()
      throws Exception {
    WordcountFunction.deploy(
        "wc-no-topic",
        kafka.bootstrapServers(),
        "no-such-topic",
        "no-such-output",
        new ScalingSpec(0, 2, null, null, "3s"));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WordcountFunction.deploy(
        "wc-no-broker",
        "127.0.0.1:" + closedPort,
        "words",
        "counts",
        new ScalingSpec(0, 2, null, null, "3s"));

    await("unknown topic named in the status")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(triggerReady("wc-no-topic"))
                    .containsEntry("status", "False")
                    .hasEntrySatisfying(
                        "message", m -> assertThat((String) m).contains("no-such-topic")));
    await("unreachable broker named in the status")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(triggerReady("wc-no-broker"))
                    .containsEntry("status", "False")
                    .hasEntrySatisfying(
                        "message",
                        m -> assertThat((String) m).contains("127.0.0.1:" + closedPort)));
    assertThat(platform.desired("wc-no-topic")).as("nothing to consume: stays at zero").isZero();

    platform.deploy("still-served", "{minScale: 0, maxScale: 1, scaleToZeroGracePeriod: 3s}");
    HttpResponse<String> answer =
        platform.post(platform.functionUri("still-served", "/hi"), "hello").join();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("POST /hi hello");
  }

  private static Map<String, Object> triggerReady(String name) {
    Map<String, Object> condition =
        given()
            .accept("application/json")
            .get("/api/v1/functions/default/" + name)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("status.conditions.find { it.type == 'TriggerReady' }");
    assertThat(condition).as("TriggerReady condition of %s", name).isNotNull();
    return condition;
  }
}
