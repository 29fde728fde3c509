package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.kubernetes.informer.ResourceEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The EndpointSlice controller's share of the kubelet stand-in: for each pod, a slice of each
 * Service that selects it ({@link StandInObjects#slice}); slices of Services that no longer select
 * it, or of a pod that is gone, are deleted. An informer on Services republishes every pod's slices
 * when a Service changes. Runs on the stand-in's thread.
 */
final class StandInEndpointSlices implements AutoCloseable {

  private final KubernetesClient client;
  private final Executor thread;
  private final Supplier<List<StandInPod>> pods;
  private final Map<String, List<String>> slicesByPod = new HashMap<>();
  private SharedIndexInformer<Service> services;

  StandInEndpointSlices(KubernetesClient client, Executor thread, Supplier<List<StandInPod>> pods) {
    this.client = client;
    this.thread = thread;
    this.pods = pods;
  }

  StandInEndpointSlices start() {
    Runnable republish = () -> thread.execute(() -> pods.get().forEach(p -> publish(p, true)));
    services =
        client
            .services()
            .inAnyNamespace()
            .inform(new ResourceEvents<>(s -> republish.run(), s -> republish.run()));
    return this;
  }

  /** Writes the pod's slices as it is now; {@code exists} false deletes them. */
  void publish(StandInPod pod, boolean exists) {
    List<String> published = new ArrayList<>();
    for (Service service : exists ? services.getStore().list() : List.<Service>of()) {
      if (StandInObjects.selects(service, pod)) {
        EndpointSlice slice = StandInObjects.slice(pod, service);
        slices(pod).resource(slice).createOr(NonDeletingOperation::update);
        published.add(slice.getMetadata().getName());
      }
    }
    for (String old : slicesByPod.getOrDefault(pod.name, List.of())) {
      if (!published.contains(old)) {
        slices(pod).withName(old).delete();
      }
    }
    if (exists) {
      slicesByPod.put(pod.name, published);
    } else {
      slicesByPod.remove(pod.name);
    }
  }

  private NonNamespaceOperation<EndpointSlice, EndpointSliceList, Resource<EndpointSlice>> slices(
      StandInPod pod) {
    return client.discovery().v1().endpointSlices().inNamespace(pod.namespace);
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
    }
  }
}
