package io.zeroscale.kubernetes.endpoints;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.OrderedDelivery;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.informer.ResourceEvents;
import io.zeroscale.kubernetes.informer.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * {@link Endpoints} from {@code discovery.k8s.io/v1} EndpointSlices, read through an informer. The
 * slices of a function's Service carry {@code kubernetes.io/service-name=<function>} and, copied
 * from the Service by the EndpointSlice controller, {@link WorkloadLabels#FUNCTION}; the informer
 * selects on the latter so that it sees zeroscale's slices only. {@link SliceEndpoints} maps the
 * {@code ready}, {@code serving} and {@code terminating} conditions onto replica states.
 */
public final class EndpointSliceEndpoints implements Endpoints, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EndpointSliceEndpoints.class);

  private final KubernetesClient client;
  private final KubernetesBackendConfig config;
  private final Map<FunctionKey, Map<String, EndpointSlice>> slices = new HashMap<>();
  private final Map<FunctionKey, List<Endpoint>> endpoints = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final OrderedDelivery delivery = new OrderedDelivery("zeroscale-k8s-endpoint-events");
  private SharedIndexInformer<EndpointSlice> informer;

  public EndpointSliceEndpoints(KubernetesClient client, KubernetesBackendConfig config) {
    this.client = client;
    this.config = config;
  }

  /** Lists the slices and starts watching them; returns once the first list is in. */
  public EndpointSliceEndpoints start() {
    ResourceEvents<EndpointSlice> events = new ResourceEvents<>(this::upserted, this::deleted);
    informer =
        Scope.of(client.discovery().v1().endpointSlices(), config)
            .withLabel(WorkloadLabels.FUNCTION)
            .inform(events);
    // inform() returns once the cache is synced, but its handlers run later on their own thread:
    // take the cache now so that current() is complete when start() returns.
    informer.getStore().list().forEach(this::upserted);
    return this;
  }

  @Override
  public synchronized List<Endpoint> current(FunctionKey key) {
    return endpoints.getOrDefault(key, List.of());
  }

  @Override
  public AutoCloseable watch(Listener listener) {
    synchronized (this) {
      Map<FunctionKey, List<Endpoint>> replay = Map.copyOf(endpoints);
      return delivery.subscribe(listeners, listener, () -> replay.forEach(listener::onEndpoints));
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    delivery.close();
  }

  private void upserted(EndpointSlice slice) {
    FunctionKey key = keyOf(slice);
    if (key != null) {
      synchronized (this) {
        slices.computeIfAbsent(key, k -> new HashMap<>()).put(slice.getMetadata().getName(), slice);
        publish(key);
      }
    }
  }

  private void deleted(EndpointSlice slice) {
    FunctionKey key = keyOf(slice);
    if (key != null) {
      synchronized (this) {
        Map<String, EndpointSlice> ofKey = slices.getOrDefault(key, Map.of());
        ofKey.remove(slice.getMetadata().getName());
        if (ofKey.isEmpty()) {
          slices.remove(key);
        }
        publish(key);
      }
    }
  }

  /** Recomputes one function's endpoints and tells the listeners if they changed (under lock). */
  private void publish(FunctionKey key) {
    List<Endpoint> now = SliceEndpoints.of(slices.getOrDefault(key, Map.of()).values());
    List<Endpoint> before = endpoints.getOrDefault(key, List.of());
    if (now.equals(before)) {
      return;
    }
    if (now.isEmpty()) {
      endpoints.remove(key);
    } else {
      endpoints.put(key, now);
    }
    LOG.debugf("endpoints changed function=%s endpoints=%s", key, now);
    delivery.submit(() -> listeners.forEach(l -> l.onEndpoints(key, now)));
  }

  private static FunctionKey keyOf(EndpointSlice slice) {
    Map<String, String> labels = slice.getMetadata().getLabels();
    String service = labels == null ? null : labels.get(WorkloadLabels.SERVICE_NAME);
    return service == null ? null : new FunctionKey(slice.getMetadata().getNamespace(), service);
  }
}
