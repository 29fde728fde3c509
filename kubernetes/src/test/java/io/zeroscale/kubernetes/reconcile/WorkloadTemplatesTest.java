package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.zeroscale.api.function.Function;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.testing.SampleFunctions;
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
    assertThat(c.getEnv())
        .containsExactly(new EnvVar("GREETING", "hi", null), new EnvVar("PORT", "8080", null));
    assertThat(d.getSpec().getReplicas()).isZero();
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
}
