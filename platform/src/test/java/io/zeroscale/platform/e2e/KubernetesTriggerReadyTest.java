package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.kafka.broker.KafkaBroker;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code TriggerReady} on the Kubernetes backend: the platform's autoscaler reads the consumer lag
 * of each Kafka-triggered {@code Function} from a real broker, and the reconciler writes what it
 * found into the function's status on the API server as soon as the loop reports it (the profile
 * puts the periodic resync an hour away).
 */
@QuarkusTest
@TestProfile(KubernetesBackendProfile.class)
class KubernetesTriggerReadyTest {

  /** How long the first lag reads may take, generously. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KafkaBroker kafka = KafkaBroker.shared();
  private final List<String> deployed = new ArrayList<>();

  @KubernetesStandIns.Cluster KubernetesStandIns.StandIns cluster;

  /** The test API server has no garbage collector: the owned objects are removed by hand. */
  @AfterEach
  void deleteFunctions() {
    for (String name : deployed) {
      given().delete("/api/v1/functions/default/" + name);
      cluster.fixture().apps().deployments().inNamespace("default").withName(name).delete();
      cluster.fixture().services().inNamespace("default").withName(name).delete();
    }
    deployed.clear();
  }

  @Test
  void aMissingTopicIsNamedInTriggerReadyAndAnExistingOneIsReadable() {
    kafka.createTopic("k8s-trigger-orders", 2);

    deploy("trigger-missing", "k8s-trigger-no-such-topic");
    deploy("trigger-present", "k8s-trigger-orders");

    await("TopicNotFound naming the topic, on the Function in the API server")
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Condition c = triggerReady("trigger-missing");
              assertThat(c.status() + "/" + c.reason()).isEqualTo("False/TopicNotFound");
              assertThat(c.message())
                  .contains("topic 'k8s-trigger-no-such-topic' does not exist")
                  .contains(kafka.bootstrapServers());
            });
    await("LagReadable, on the Function in the API server")
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(triggerReady("trigger-present"))
                    .extracting(Condition::status, Condition::reason)
                    .containsExactly("True", "LagReadable"));
    for (String name : deployed) {
      FunctionResource stored = stored(name);
      assertThat(stored.getStatus().observedGeneration())
          .as("observedGeneration of %s", name)
          .isEqualTo(stored.getMetadata().getGeneration());
    }
    assertThat(triggerReady("trigger-present").message()).contains("k8s-trigger-orders");
  }

  private void deploy(String name, String topic) {
    deployed.add(name);
    given()
        .contentType("application/yaml")
        .body(
            """
            apiVersion: zeroscale.io/v1alpha1
            kind: Function
            metadata: {name: %s, namespace: default}
            spec:
              image: %s
              timeout: 20s
              scaling: {minScale: 0, maxScale: 1, scaleToZeroGracePeriod: 3s}
              triggers:
                kafka: {bootstrapServers: '%s', topics: [%s]}
            """
                .formatted(name, KubernetesStandIns.ECHO_IMAGE, kafka.bootstrapServers(), topic))
        .put("/api/v1/functions/default/" + name)
        .then()
        .statusCode(Matchers.anyOf(Matchers.is(200), Matchers.is(201)));
  }

  private FunctionResource stored(String name) {
    return cluster
        .fixture()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .withName(name)
        .get();
  }

  /** The function's TriggerReady as the API server stores it (read by the test's own client). */
  private Condition triggerReady(String name) {
    FunctionStatus status = stored(name).getStatus();
    assertThat(status).as("status of %s", name).isNotNull();
    return status.conditions().stream()
        .filter(c -> Condition.TRIGGER_READY.equals(c.type()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TriggerReady on " + name + ": " + status));
  }
}
