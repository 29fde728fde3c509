package io.zeroscale.kubernetes.informer;

import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.zeroscale.kubernetes.KubernetesBackendConfig;

/** Where the backend looks: the configured namespace, or every namespace. */
public final class Scope {

  private Scope() {}

  /** The operation limited to {@link KubernetesBackendConfig#namespace()} when one is set. */
  public static <T, L, R extends Resource<T>> AnyNamespaceOperation<T, L, R> of(
      MixedOperation<T, L, R> api, KubernetesBackendConfig config) {
    return config
        .namespace()
        .<AnyNamespaceOperation<T, L, R>>map(api::inNamespace)
        .orElseGet(api::inAnyNamespace);
  }
}
