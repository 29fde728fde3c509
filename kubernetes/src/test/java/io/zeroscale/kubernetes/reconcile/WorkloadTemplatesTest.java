package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadTemplatesTest {

  private static final OwnerReference OWNER =
      new OwnerReferenceBuilder()
          .withApiVersion("zeroscale.io/v1alpha1")
          .withKind("Function")
          .withName("hello")
          .withUid("u-1")
          .withController(true)
          .build();

  private final WorkloadTemplates templates =
      new WorkloadTemplates(KubernetesBackendConfig.defaults());
  private final Function hello =
      SampleFunctions.hello("default", "hello", "example.org/hello:1").withDefaults();

  @Test
  void theDeploymentRunsTheImageOnTheFunctionsPortWithItsEnvironment() {
    Deployment d = templates.deployment(hello, OWNER, 0);
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(c.getImage()).isEqualTo("example.org/hello:1");
    assertThat(c.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080))
        .satisfies(p -> assertThat(p.getName()).isEqualTo("http"));
    assertThat(names(c))
        .containsExactly("GREETING", "PORT", "ZEROSCALE_FUNCTION", "ZEROSCALE_REPLICA");
    assertThat(c.getEnv())
        .startsWith(
            new EnvVar("GREETING", "hi", null),
            new EnvVar("PORT", "8080", null),
            new EnvVar("ZEROSCALE_FUNCTION", "default/hello", null));
    assertThat(c.getEnv().get(3).getValueFrom().getFieldRef().getFieldPath())
        .as("ZEROSCALE_REPLICA is the pod's name")
        .isEqualTo("metadata.name");
    assertThat(d.getSpec().getReplicas()).isZero();
  }

  @Test
  void aKafkaTriggeredFunctionsContainerGetsTheTriggerWithItsDefaults() {
    Function triggered =
        SampleFunctions.withKafkaTrigger(
                SampleFunctions.hello("default", "hello", "example.org/hello:1"),
                SampleFunctions.kafka("kafka-0.kafka:9092,kafka-1.kafka:9092", "orders", "refunds"))
            .withDefaults();

    Container c = container(templates.deployment(triggered, OWNER, 0));

    assertThat(names(c))
        .as("spec.env by name, PORT, the ReplicaEnvironment contract in its order, the replica")
        .containsExactly(
            "GREETING",
            "PORT",
            "ZEROSCALE_FUNCTION",
            "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS",
            "ZEROSCALE_KAFKA_TOPICS",
            "ZEROSCALE_KAFKA_GROUP_ID",
            "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC",
            "ZEROSCALE_KAFKA_MAX_RETRIES",
            "ZEROSCALE_KAFKA_RETRY_BACKOFF_MS",
            "ZEROSCALE_REPLICA");
    assertThat(c.getEnv())
        .contains(
            new EnvVar(
                "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9092,kafka-1.kafka:9092", null),
            new EnvVar("ZEROSCALE_KAFKA_TOPICS", "orders,refunds", null),
            new EnvVar("ZEROSCALE_KAFKA_GROUP_ID", "zeroscale-default-hello", null),
            new EnvVar("ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC", "zeroscale-default-hello-dlq", null),
            new EnvVar("ZEROSCALE_KAFKA_MAX_RETRIES", "3", null),
            new EnvVar("ZEROSCALE_KAFKA_RETRY_BACKOFF_MS", "200", null));
  }

  @Test
  void aHardConcurrencyLimitReachesTheContainer() {
    Function limited =
        Function.of(
                hello.metadata(),
                new FunctionSpec(
                    "example.org/hello:1",
                    null,
                    null,
                    8080,
                    Map.of(),
                    "30s",
                    null,
                    new ScalingSpec(0, 5, 10, 4, "30s")))
            .withDefaults();

    assertThat(container(templates.deployment(limited, OWNER, 0)).getEnv())
        .contains(new EnvVar("ZEROSCALE_CONTAINER_CONCURRENCY", "4", null));
  }

  @Test
  void anotherTopicChangesThePodTemplateSoTheDeploymentRolls() {
    Function before =
        SampleFunctions.withKafkaTrigger(hello, SampleFunctions.kafka("kafka:9092", "orders"))
            .withDefaults();
    Function after =
        SampleFunctions.withKafkaTrigger(hello, SampleFunctions.kafka("kafka:9092", "refunds"))
            .withDefaults();

    assertThat(templates.deployment(after, OWNER, 0).getSpec().getTemplate())
        .isNotEqualTo(templates.deployment(before, OWNER, 0).getSpec().getTemplate());
    assertThat(templates.deployment(before, OWNER, 0).getSpec().getTemplate())
        .as("the same spec twice: the same template, nothing rolls")
        .isEqualTo(templates.deployment(before, OWNER, 0).getSpec().getTemplate());
  }

  @Test
  void thePlatformsVariablesWinOverASpecEnvEntryOfTheSameName() {
    // KubernetesFunctionRules rejects such a spec; the template still never lets it through.
    Function sneaky =
        Function.of(
                hello.metadata(),
                new FunctionSpec(
                    "example.org/hello:1",
                    null,
                    null,
                    8080,
                    Map.of("ZEROSCALE_FUNCTION", "other/fn", "ZEROSCALE_REPLICA", "r-1"),
                    "30s",
                    null,
                    null))
            .withDefaults();

    Container c = container(templates.deployment(sneaky, OWNER, 0));

    assertThat(names(c)).containsExactly("PORT", "ZEROSCALE_FUNCTION", "ZEROSCALE_REPLICA");
    assertThat(c.getEnv()).contains(new EnvVar("ZEROSCALE_FUNCTION", "default/hello", null));
  }

  @Test
  void podsAreProbedOnTheReadinessPathAndDrainBeforeTheyStop() {
    Deployment d = templates.deployment(hello, OWNER, 0);
    var pod = d.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);

    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(1);
    assertThat(c.getLifecycle().getPreStop().getSleep().getSeconds())
        .as("pre-stop sleep")
        .isEqualTo(5L);
    assertThat(pod.getTerminationGracePeriodSeconds())
        .as("pre-stop 5s + timeout 30s + shutdown margin 5s")
        .isEqualTo(40L);
    assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .as("new pods first")
        .isZero();
  }

  @Test
  void everythingIsLabelledAndOwnedByTheFunction() {
    Deployment d = templates.deployment(hello, OWNER, 0);
    Service s = templates.service(hello, OWNER);
    Map<String, String> selector = Map.of("zeroscale.io/function", "hello");

    assertThat(d.getMetadata().getOwnerReferences()).containsExactly(OWNER);
    assertThat(s.getMetadata().getOwnerReferences()).containsExactly(OWNER);
    assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(s.getSpec().getSelector()).isEqualTo(selector);
    assertThat(s.getMetadata().getLabels())
        .as("copied onto the EndpointSlices, which the endpoints informer selects by")
        .containsAllEntriesOf(selector);
    assertThat(s.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(8080))
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
  }

  private static Container container(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static List<String> names(Container c) {
    return c.getEnv().stream().map(EnvVar::getName).toList();
  }
}
