package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The objects the kubelet stand-in writes, made from its pods' state (pure, no I/O). */
final class StandInObjects {

  private StandInObjects() {}

  /** The Pod: its template's labels and spec, owned by the Deployment, readiness, restarts. */
  static Pod pod(StandInPod pod, Deployment owner) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(pod.name)
        .withNamespace(pod.namespace)
        .withLabels(pod.labels)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .build())
        .endMetadata()
        .withSpec(pod.template.getSpec())
        .withNewStatus()
        .withPhase(pod.process != null && pod.process.isAlive() ? "Running" : "Pending")
        .withPodIP("127.0.0.1")
        .addNewCondition()
        .withType("Ready")
        .withStatus(pod.ready() ? "True" : "False")
        .endCondition()
        .addNewContainerStatus()
        .withName(pod.container.getName())
        .withReady(pod.ready())
        .withRestartCount(pod.restarts)
        .endContainerStatus()
        .endStatus()
        .build();
  }

  /** Whether the Service selects the pod (same namespace, every selector label on the pod). */
  static boolean selects(Service service, StandInPod pod) {
    Map<String, String> selector = service.getSpec().getSelector();
    return pod.namespace.equals(service.getMetadata().getNamespace())
        && selector != null
        && !selector.isEmpty()
        && pod.labels.entrySet().containsAll(selector.entrySet());
  }

  /**
   * The pod's slice of the Service: the Service's labels plus {@code kubernetes.io/service-name},
   * one endpoint with the pod's conditions, the Service's first port name on the pod's port.
   */
  static EndpointSlice slice(StandInPod pod, Service service) {
    String serviceName = service.getMetadata().getName();
    Map<String, String> labels =
        new HashMap<>(Objects.requireNonNullElse(service.getMetadata().getLabels(), Map.of()));
    labels.put(WorkloadLabels.SERVICE_NAME, serviceName);
    labels.put("endpointslice.kubernetes.io/managed-by", "kubelet-stand-in");
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withName(serviceName + "-" + pod.name.substring(pod.name.lastIndexOf('-') + 1))
        .withNamespace(pod.namespace)
        .withLabels(labels)
        .endMetadata()
        .withAddressType("IPv4")
        .addNewEndpoint()
        .withAddresses("127.0.0.1")
        .withNewConditions()
        .withReady(pod.ready())
        .withServing(pod.serving)
        .withTerminating(pod.terminating)
        .endConditions()
        .withNewTargetRef()
        .withKind("Pod")
        .withName(pod.name)
        .withNamespace(pod.namespace)
        .endTargetRef()
        .endEndpoint()
        .addNewPort()
        .withName(service.getSpec().getPorts().get(0).getName())
        .withPort(pod.port)
        .withProtocol("TCP")
        .endPort()
        .build();
  }

  /**
   * The Deployment's status as its controller writes it: {@code replicas} counts the pods not
   * terminating, {@code readyReplicas} and {@code availableReplicas} the ready ones among them.
   */
  static DeploymentStatus deploymentStatus(Deployment d, List<StandInPod> pods) {
    List<StandInPod> live = pods.stream().filter(p -> !p.terminating).toList();
    int ready = (int) live.stream().filter(StandInPod::ready).count();
    return new DeploymentStatusBuilder(
            Objects.requireNonNullElse(d.getStatus(), new DeploymentStatus()))
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(live.size())
        .withUpdatedReplicas(live.size())
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .withUnavailableReplicas(live.size() - ready)
        .build();
  }
}
