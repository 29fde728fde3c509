package io.zeroscale.kubernetes.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesOrchestratorTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  private ApiServer api;
  private KubernetesOrchestrator orchestrator;

  @BeforeEach
  void start() {
    api = ApiServer.start();
    orchestrator =
        new KubernetesOrchestrator(api.client(), KubernetesBackendConfig.defaults()).start();
  }

  @AfterEach
  void stop() {
    orchestrator.close();
    api.close();
  }

  @Test
  void applyCreatesTheDeploymentAtMinScaleAndTheService() {
    Function hello = createResource("example.org/hello:1");

    orchestrator.apply(hello);

    assertThat(deployment().getSpec().getReplicas()).isZero();
    assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("example.org/hello:1");
    assertThat(api.client().services().inNamespace("default").withName("hello").get()).isNotNull();
  }

  @Test
  void scaleGoesThroughTheScaleSubresourceOnly() {
    orchestrator.apply(createResource("example.org/hello:1"));
    int before = api.requests().size();

    orchestrator.scale(HELLO, 3);
    orchestrator.scale(HELLO, 0);

    assertThat(api.writesSince(before))
        .as("every write of a scale change, in order")
        .hasSize(2)
        .containsOnly("PUT /apis/apps/v1/namespaces/default/deployments/hello/scale");
    assertThat(deployment().getSpec().getReplicas()).isZero();
  }

  @Test
  void currentScaleReadsDesiredAndReadyFromTheDeployment() {
    orchestrator.apply(createResource("example.org/hello:1"));
    orchestrator.scale(HELLO, 3);
    // The mock runs no Deployment controller: play its part and report two ready replicas.
    Deployment d = deployment();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(3).withReadyReplicas(2).build());
    api.client().apps().deployments().inNamespace("default").resource(d).updateStatus();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(orchestrator.currentScale(HELLO))
                    .isEqualTo(new Orchestrator.Scale(3, 2)));
    assertThat(orchestrator.currentScale(FunctionKey.of("default", "unknown")))
        .isEqualTo(Orchestrator.Scale.NONE);
  }

  @Test
  void applyAfterAnAutoscalerScaleUpLeavesTheReplicaCountAlone() {
    orchestrator.apply(createResource("example.org/hello:1"));
    orchestrator.scale(HELLO, 4);
    int before = api.requests().size();

    orchestrator.apply(createOrReplace("example.org/hello:2"));

    assertThat(deployment().getSpec().getReplicas())
        .as("replicas set by the autoscaler")
        .isEqualTo(4);
    assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("example.org/hello:2");
    assertThat(api.writesSince(before))
        .as("no write of the Deployment's scale or replicas")
        .noneMatch(r -> r.contains("/scale"))
        .anyMatch(r -> r.startsWith("PATCH /apis/apps/v1/namespaces/default/deployments/hello"));
  }

  @Test
  void scaleOfAFunctionWithoutDeploymentSaysWhy() {
    assertThatThrownBy(() -> orchestrator.scale(HELLO, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default/hello has no Deployment yet");
  }

  @Test
  void applyOfAFunctionWithoutResourceSaysWhatToDo() {
    assertThatThrownBy(() -> orchestrator.apply(SampleFunctions.hello("default", "hello", "img")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no Function resource; create it first");
  }

  @Test
  void deleteRemovesDeploymentAndService() {
    orchestrator.apply(createResource("example.org/hello:1"));

    orchestrator.delete(HELLO);

    assertThat(deployment()).isNull();
    assertThat(api.client().services().inNamespace("default").withName("hello").get()).isNull();
  }

  private Function createResource(String image) {
    Function f = SampleFunctions.hello("default", "hello", image);
    api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .resource(FunctionResource.of(f))
        .create();
    return f;
  }

  private Function createOrReplace(String image) {
    Function f = SampleFunctions.hello("default", "hello", image);
    FunctionResource r =
        api.client()
            .resources(FunctionResource.class)
            .inNamespace("default")
            .withName("hello")
            .get();
    r.setSpec(f.spec());
    api.client().resources(FunctionResource.class).inNamespace("default").resource(r).update();
    return f;
  }

  private Deployment deployment() {
    return api.client().apps().deployments().inNamespace("default").withName("hello").get();
  }
}
