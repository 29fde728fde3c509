package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionReconcilerTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private ApiServer api;
  private FunctionReconciler reconciler;

  @BeforeEach
  void start() {
    api = ApiServer.start();
    reconciler =
        new FunctionReconciler(
                api.client(),
                KubernetesBackendConfig.defaults().withRouterUrl("http://router.example"),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
            .start();
  }

  @AfterEach
  void stop() {
    reconciler.close();
    api.close();
  }

  @Test
  void aValidFunctionGetsADeploymentAndServiceOwnedByItAndItsConditions() {
    FunctionResource created =
        create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));

    await().atMost(WAIT).until(() -> condition(Condition.READY) != null);

    OwnerReference owner = deployment().getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(owner.getKind()).isEqualTo("Function");
    assertThat(owner.getController()).isTrue();
    assertThat(service().getMetadata().getOwnerReferences()).containsExactly(owner);
    assertThat(deployment().getSpec().getReplicas()).as("minScale").isZero();
    FunctionStatus status = resource().getStatus();
    assertThat(status.observedGeneration()).isEqualTo(resource().getMetadata().getGeneration());
    assertThat(status.url()).isEqualTo("http://router.example/fn/default/hello/");
    assertThat(status.conditions())
        .extracting(c -> c.type() + "=" + c.status() + "/" + c.reason())
        .containsExactly(
            "SpecValid=True/Accepted", "Ready=True/ScaledToZero", "ScaledToZero=True/NoTraffic");
  }

  @Test
  void anInvalidFunctionGetsSpecValidFalseNamingEveryProblemAndNoDeployment() {
    create(
        Function.of(
            ObjectMeta.of("default", "hello"),
            new FunctionSpec(
                null, null, null, 0, null, "soon", null, new ScalingSpec(3, 1, null, null, null))));

    await().atMost(WAIT).until(() -> condition(Condition.SPEC_VALID) != null);

    Condition specValid = condition(Condition.SPEC_VALID);
    assertThat(specValid.status()).isEqualTo("False");
    assertThat(specValid.reason()).isEqualTo("InvalidSpec");
    assertThat(specValid.message())
        .contains("spec.port: must be between 1 and 65535, was 0")
        .contains("spec.timeout: ")
        .contains("spec.scaling.maxScale: must be >= minScale (3), was 1")
        .contains("spec.image: is required on the Kubernetes backend");
    assertThat(condition(Condition.READY).status()).isEqualTo("False");
    assertThat(deployment()).isNull();
    assertThat(service()).isNull();
  }

  @Test
  void aKafkaTriggeredFunctionsDeploymentCarriesTheTriggerWithItsDefaults() {
    create(
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"),
            SampleFunctions.kafka("kafka.infra:9092", "orders")));

    await().atMost(WAIT).until(() -> deployment() != null);

    assertThat(env())
        .contains(
            new EnvVar("ZEROSCALE_FUNCTION", "default/hello", null),
            new EnvVar("ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", "kafka.infra:9092", null),
            new EnvVar("ZEROSCALE_KAFKA_TOPICS", "orders", null),
            new EnvVar("ZEROSCALE_KAFKA_GROUP_ID", "zeroscale-default-hello", null),
            new EnvVar("ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC", "zeroscale-default-hello-dlq", null),
            new EnvVar("ZEROSCALE_KAFKA_MAX_RETRIES", "3", null),
            new EnvVar("ZEROSCALE_KAFKA_RETRY_BACKOFF_MS", "200", null));
    assertThat(resource().getSpec().kafkaTrigger().consumerGroup())
        .as("defaults go to the Deployment, never back into the user's spec")
        .isNull();
  }

  @Test
  void aFunctionWithAnInvalidTriggerGetsSpecValidFalseNamingTheFieldAndNoDeployment() {
    create(
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"),
            new KafkaTriggerSpec(
                "kafka.infra:9092", List.of("orders"), null, 0, null, null, null, null)));

    await().atMost(WAIT).until(() -> condition(Condition.SPEC_VALID) != null);

    Condition specValid = condition(Condition.SPEC_VALID);
    assertThat(specValid.status()).isEqualTo("False");
    assertThat(specValid.message()).contains("spec.triggers.kafka.lagThreshold: must be >= 1");
    assertThat(deployment()).isNull();
  }

  @Test
  void aChangedTopicRollsTheDeploymentAndKeepsTheAutoscalersReplicaCount() {
    Function hello = SampleFunctions.hello("default", "hello", "example.org/hello:1");
    create(SampleFunctions.withKafkaTrigger(hello, SampleFunctions.kafka("kafka:9092", "orders")));
    await().atMost(WAIT).until(() -> deployment() != null);
    scaleTo(2);

    changeSpec(
        SampleFunctions.withKafkaTrigger(hello, SampleFunctions.kafka("kafka:9092", "refunds"))
            .spec());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(env()).contains(new EnvVar("ZEROSCALE_KAFKA_TOPICS", "refunds", null)));
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aChangedImageRollsTheDeploymentAndKeepsTheAutoscalersReplicaCount() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    await().atMost(WAIT).until(() -> deployment() != null);
    scaleTo(3);

    changeSpec(SampleFunctions.hello("default", "hello", "example.org/hello:2").spec());

    await().atMost(WAIT).untilAsserted(() -> assertThat(image()).isEqualTo("example.org/hello:2"));
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(3);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(resource().getStatus().observedGeneration())
                    .isEqualTo(resource().getMetadata().getGeneration()));
  }

  @Test
  void theReadyCountOfTheDeploymentReachesTheStatus() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    await().atMost(WAIT).until(() -> deployment() != null);
    scaleTo(2);
    // The mock runs no Deployment controller: play it and report one ready replica.
    Deployment d = deployment();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(2).withReadyReplicas(1).build());
    api.client().apps().deployments().inNamespace("default").resource(d).updateStatus();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(resource().getStatus().readyReplicas()).isEqualTo(1);
              assertThat(resource().getStatus().replicas()).isEqualTo(2);
              assertThat(condition(Condition.READY).reason()).isEqualTo("Serving");
              assertThat(condition(Condition.SCALED_TO_ZERO).status()).isEqualTo("False");
            });
  }

  @Test
  void reconcilingAgainWritesNothing() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    await().atMost(WAIT).until(() -> condition(Condition.READY) != null);
    scaleTo(2);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(resource().getStatus().replicas()).isEqualTo(2));
    int before = api.requests().size();

    reconciler.reconcile(HELLO);
    reconciler.reconcile(HELLO);

    assertThat(api.writesSince(before)).as("writes of a reconcile with nothing to do").isEmpty();
    assertThat(deployment().getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void aScalingChangeRollsNothing() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    await().atMost(WAIT).until(() -> condition(Condition.READY) != null);
    int before = api.requests().size();
    FunctionSpec spec = SampleFunctions.hello("default", "hello", "example.org/hello:1").spec();

    changeSpec(
        new FunctionSpec(
            spec.image(),
            spec.command(),
            spec.workingDir(),
            spec.port(),
            spec.env(),
            spec.timeout(),
            spec.readiness(),
            // containerConcurrency stays 0: it reaches the pods as ZEROSCALE_CONTAINER_CONCURRENCY,
            // so changing it does roll them (function-runtime enforces it too).
            new ScalingSpec(0, 7, 20, 0, "1m")));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(resource().getStatus().observedGeneration())
                    .isEqualTo(resource().getMetadata().getGeneration()));
    assertThat(api.writesSince(before))
        .as("writes after a change of spec.scaling")
        .noneMatch(r -> r.contains("/deployments/") || r.contains("/services/"));
  }

  @Test
  void aFunctionFixedAfterBeingInvalidGetsItsDeployment() {
    create(
        Function.of(
            ObjectMeta.of("default", "hello"),
            new FunctionSpec(null, null, null, 8080, null, null, null, null)));
    await().atMost(WAIT).until(() -> condition(Condition.SPEC_VALID) != null);

    changeSpec(SampleFunctions.hello("default", "hello", "example.org/hello:1").spec());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(condition(Condition.SPEC_VALID).status()).isEqualTo("True"));
    assertThat(deployment()).isNotNull();
  }

  private FunctionResource create(Function function) {
    return api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .resource(FunctionResource.of(function))
        .create();
  }

  private void changeSpec(FunctionSpec spec) {
    FunctionResources.replaceSpec(api.client(), "default", "hello", spec);
  }

  /** What the autoscaler does: a write of the scale subresource. */
  private void scaleTo(int replicas) {
    api.client()
        .apps()
        .deployments()
        .inNamespace("default")
        .withName("hello")
        .scale(
            new ScaleBuilder()
                .withNewMetadata()
                .withName("hello")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .endSpec()
                .build());
  }

  private FunctionResource resource() {
    return api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .withName("hello")
        .get();
  }

  private Condition condition(String type) {
    FunctionStatus status = resource().getStatus();
    return status == null || status.conditions() == null
        ? null
        : status.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
  }

  private Deployment deployment() {
    return api.client().apps().deployments().inNamespace("default").withName("hello").get();
  }

  private List<EnvVar> env() {
    return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
  }

  private String image() {
    return deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private Service service() {
    return api.client().services().inNamespace("default").withName("hello").get();
  }
}
