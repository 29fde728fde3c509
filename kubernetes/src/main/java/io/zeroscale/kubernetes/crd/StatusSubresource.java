package io.zeroscale.kubernetes.crd;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import java.util.Objects;

/**
 * Writes a {@code Function}'s status through its status subresource ({@code PUT …/status}): the
 * whole status is replaced, the spec is never touched, and the resource version guards against
 * writing over a change the writer has not seen.
 */
public final class StatusSubresource {

  private final KubernetesClient client;

  public StatusSubresource(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Replaces the status, starting from {@code seen} (a cached copy) when given. On a conflict (the
   * copy was stale) it reads the resource once and tries again, unless it already has that status.
   * A function that is gone is skipped.
   *
   * @return whether the status was written
   */
  public boolean replace(FunctionKey key, FunctionStatus status, FunctionResource seen) {
    FunctionResource base = seen != null ? seen : read(key);
    for (int attempt = 0; attempt < 2 && base != null; attempt++) {
      FunctionResource update = new FunctionResource();
      update.setMetadata(new ObjectMetaBuilder(base.getMetadata()).build());
      update.setSpec(base.getSpec());
      update.setStatus(status);
      try {
        client
            .resources(FunctionResource.class)
            .inNamespace(key.namespace())
            .resource(update)
            .updateStatus();
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return false;
        }
        if (e.getCode() != 409) {
          throw e;
        }
        base = read(key);
        if (base != null && Objects.equals(base.getStatus(), status)) {
          return false;
        }
      }
    }
    return false;
  }

  private FunctionResource read(FunctionKey key) {
    return client
        .resources(FunctionResource.class)
        .inNamespace(key.namespace())
        .withName(key.name())
        .get();
  }
}
