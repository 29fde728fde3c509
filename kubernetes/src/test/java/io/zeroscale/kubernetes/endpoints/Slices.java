package io.zeroscale.kubernetes.endpoints;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import java.util.List;

/** EndpointSlices as Kubernetes' EndpointSlice controller writes them, for tests. */
final class Slices {

  private Slices() {}

  static EndpointSlice slice(
      String namespace, String service, String name, List<Endpoint> endpoints) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels(WorkloadLabels.SERVICE_NAME, service)
        .addToLabels(WorkloadLabels.FUNCTION, service)
        .addToLabels("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
        .endMetadata()
        .withAddressType("IPv4")
        .addNewPort()
        .withName("http")
        .withPort(8080)
        .withProtocol("TCP")
        .endPort()
        .withEndpoints(endpoints)
        .build();
  }

  /** A pod's endpoint with its three conditions ({@code null} leaves one unset). */
  static Endpoint pod(String pod, String ip, Boolean ready, Boolean serving, Boolean terminating) {
    return new EndpointBuilder()
        .withAddresses(ip)
        .withNewTargetRef()
        .withKind("Pod")
        .withName(pod)
        .endTargetRef()
        .withNewConditions()
        .withReady(ready)
        .withServing(serving)
        .withTerminating(terminating)
        .endConditions()
        .build();
  }
}
