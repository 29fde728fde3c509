package io.zeroscale.platform.wiring;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes backend's inspector: a function's replicas are its pods, and pods and their logs
 * are the cluster's to show, so the control API answers with the kubectl command instead.
 */
final class PodsInspector implements FunctionInspector {

  @Override
  public List<ReplicaView> replicas(FunctionKey key) {
    return List.of();
  }

  @Override
  public List<String> logs(FunctionKey key, int tail) {
    return List.of();
  }

  @Override
  public Optional<String> unavailable(FunctionKey key) {
    String selector = WorkloadLabels.FUNCTION + "=" + key.name();
    return Optional.of(
        "on the Kubernetes backend a function's replicas are its pods: kubectl get pods -n "
            + key.namespace()
            + " -l "
            + selector
            + "; kubectl logs -n "
            + key.namespace()
            + " -l "
            + selector);
  }
}
