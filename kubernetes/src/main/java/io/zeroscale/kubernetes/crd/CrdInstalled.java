package io.zeroscale.kubernetes.crd;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;

/** Turns "the API server does not know Functions" into an error that says what to do. */
public final class CrdInstalled {

  /** Where the CRD is, for the error message. */
  public static final String CRD_FILE = "manifests/crd/functions.zeroscale.io-v1alpha1.yml";

  private CrdInstalled() {}

  /**
   * Runs a call on {@code Function} resources (starting an informer, typically).
   *
   * @throws IllegalStateException when the API server answers 404 for the resource type
   */
  public static <T> T require(Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      throw new IllegalStateException(
          "the API server does not know functions.zeroscale.io: install the CRD first (kubectl"
              + " apply -f "
              + CRD_FILE
              + ")",
          e);
    }
  }
}
