package io.zeroscale.kubernetes.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.time.Duration;

/** Changes a Function's spec the way a user's {@code kubectl edit} does, racing the controller. */
public final class SpecEdits {

  private SpecEdits() {}

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
}
