package io.zeroscale.kubernetes.crd;

import io.zeroscale.api.function.FunctionKey;
import java.util.Map;

/**
 * The labels zeroscale puts on what it creates for a function. The Deployment, its pods and the
 * Service are named like the function; the EndpointSlice controller copies the Service's labels
 * onto its slices, so {@link #FUNCTION} finds them too.
 */
public final class WorkloadLabels {

  /** The function's name, on the Deployment, its pods, the Service and its EndpointSlices. */
  public static final String FUNCTION = "zeroscale.io/function";

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "zeroscale";
  public static final String NAME = "app.kubernetes.io/name";

  /** Set by Kubernetes on every EndpointSlice of a Service. */
  public static final String SERVICE_NAME = "kubernetes.io/service-name";

  private WorkloadLabels() {}

  /** Labels of the Deployment, its pods and the Service. */
  public static Map<String, String> of(FunctionKey key) {
    return Map.of(FUNCTION, key.name(), NAME, key.name(), MANAGED_BY, MANAGED_BY_VALUE);
  }

  /** What the Deployment and the Service select pods by. */
  public static Map<String, String> selector(FunctionKey key) {
    return Map.of(FUNCTION, key.name());
  }
}
