package io.zeroscale.kubernetes.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.replica.HelloReplica;
import java.time.Duration;
import java.util.Optional;

/** What tests do with {@code Function} resources on the API server, as a user would. */
public final class FunctionResources {

  /** The backend with a 1 s pre-stop sleep and shutdown margin, so stand-in pods stop quickly. */
  public static final KubernetesBackendConfig QUICK_STOPS =
      new KubernetesBackendConfig(
          Optional.empty(),
          "http://zeroscale-router",
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          KubernetesBackendConfig.defaults().triggerResync());

  private FunctionResources() {}

  /**
   * Creates {@code key} running {@link HelloReplica}'s image with one replica kept (min 1, max 5),
   * so the kubelet stand-in starts a real process for it.
   */
  public static void createHelloReplica(KubernetesClient client, FunctionKey key) {
    FunctionSpec s = SampleFunctions.hello("default", "x", HelloReplica.IMAGE).spec();
    Function function =
        Function.of(
            ObjectMeta.of(key.namespace(), key.name()),
            new FunctionSpec(
                s.image(),
                null,
                null,
                s.port(),
                s.env(),
                s.timeout(),
                s.readiness(),
                new ScalingSpec(1, 5, 10, 0, "30s")));
    client
        .resources(FunctionResource.class)
        .inNamespace(key.namespace())
        .resource(FunctionResource.of(function))
        .create();
  }

  /**
   * Replaces the spec of {@code namespace/name}. An edit is a read then a write at the resource
   * version read; when the controller writes the status in between, the API server answers 409 and
   * the edit is done again, as kubectl would ask its user to.
   */
  public static void replaceSpec(
      KubernetesClient client, String namespace, String name, FunctionSpec spec) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(
            () -> {
              client
                  .resources(FunctionResource.class)
                  .inNamespace(namespace)
                  .withName(name)
                  .edit(
                      r -> {
                        r.setSpec(spec);
                        return r;
                      });
              return true;
            });
  }

  /** The reason of the function's {@code Ready} condition, or null before the status has one. */
  public static String readyReason(KubernetesClient client, String namespace, String name) {
    FunctionStatus status =
        client
            .resources(FunctionResource.class)
            .inNamespace(namespace)
            .withName(name)
            .get()
            .getStatus();
    return status == null || status.conditions() == null
        ? null
        : status.conditions().stream()
            .filter(c -> Condition.READY.equals(c.type()))
            .map(Condition::reason)
            .findFirst()
            .orElse(null);
  }
}
