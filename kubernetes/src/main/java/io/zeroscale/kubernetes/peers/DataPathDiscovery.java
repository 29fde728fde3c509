package io.zeroscale.kubernetes.peers;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.endpoints.SliceEndpoints;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The platform's data-path instances, from the EndpointSlices of a Service selecting them (the
 * manifests' headless {@code zeroscale-data-path}, whose one port is the control port): every pod
 * the slices list, by name, with the base URL of its control port. Not-ready ones too: a router
 * whose readiness probe fails now and then (a busy pod) still holds requests, and one still
 * starting answers that it has no data path yet, which reads as no load. A terminating pod stays
 * listed while its slice lists it: its requests in flight are still load.
 */
public final class DataPathDiscovery implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(DataPathDiscovery.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String service;
  private SharedIndexInformer<EndpointSlice> informer;
  private Map<String, URI> last = Map.of();

  public DataPathDiscovery(KubernetesClient client, String namespace, String service) {
    this.client = client;
    this.namespace = namespace;
    this.service = service;
  }

  /** Starts the informer; returns once the first list is in. */
  public DataPathDiscovery start() {
    informer =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace(namespace)
            .withLabel(WorkloadLabels.SERVICE_NAME, service)
            .inform();
    LOG.infof("following data-path instances service=%s namespace=%s", service, namespace);
    return this;
  }

  /** The instances now: pod name (or address) to {@code http://address:port}. */
  public synchronized Map<String, URI> current() {
    Map<String, URI> instances = new LinkedHashMap<>();
    for (Endpoint endpoint : SliceEndpoints.of(informer.getStore().list())) {
      instances.put(endpoint.id(), uri(endpoint));
    }
    if (!instances.equals(last)) {
      LOG.infof("data-path instances changed service=%s instances=%s", service, instances);
      last = Map.copyOf(instances);
    }
    return instances;
  }

  private static URI uri(Endpoint endpoint) {
    String host = endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host();
    return URI.create("http://" + host + ":" + endpoint.port());
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
