package io.zeroscale.kubernetes.endpoints;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import java.util.List;

/** EndpointSlices as Kubernetes' EndpointSlice controller writes them, for tests. */
public final class Slices {

  private Slices() {}

  /** A function Service's slice: port {@code http} 8080, labelled with the function. */
  static EndpointSlice slice(
      String namespace, String service, String name, List<Endpoint> endpoints) {
    EndpointSlice slice = slice(namespace, service, name, "http", 8080, endpoints);
    slice.getMetadata().getLabels().put(WorkloadLabels.FUNCTION, service);
    return slice;
  }

  /** A slice of any Service, with one named port. */
  public static EndpointSlice slice(
      String namespace,
      String service,
      String name,
      String portName,
      int port,
      List<Endpoint> endpoints) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .addToLabels(WorkloadLabels.SERVICE_NAME, service)
        .addToLabels("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
        .endMetadata()
        .withAddressType("IPv4")
        .addNewPort()
        .withName(portName)
        .withPort(port)
        .withProtocol("TCP")
        .endPort()
        .withEndpoints(endpoints)
        .build();
  }

  /** A pod's endpoint with its three conditions ({@code null} leaves one unset). */
  public static Endpoint pod(
      String pod, String ip, Boolean ready, Boolean serving, Boolean terminating) {
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
