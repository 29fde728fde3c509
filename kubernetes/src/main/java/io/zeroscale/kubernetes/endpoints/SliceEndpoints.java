package io.zeroscale.kubernetes.endpoints;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.zeroscale.api.spi.Endpoint;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a Service's EndpointSlices into the replicas the data path sees (pure, no I/O).
 *
 * <ul>
 *   <li>{@code terminating=true} → {@code TERMINATING}: no new requests; while {@code serving} its
 *       in-flight ones still finish (a terminating pod that no longer serves stays listed too, so
 *       its in-flight requests stay countable until the slice drops it)
 *   <li>{@code ready=true} (or unset, which the API says to read as ready) → {@code READY}
 *   <li>{@code ready=false}, not terminating → {@code STARTING}: the pod exists and has an address;
 *       the activator may probe it directly before the kubelet reports it ready
 * </ul>
 *
 * An endpoint is named by its pod ({@code targetRef.name}), else by its address; one that shows up
 * in two slices (slices are rebalanced) counts once.
 */
public final class SliceEndpoints {

  private SliceEndpoints() {}

  /** The endpoints of all the slices of one Service, sorted by id. */
  public static List<Endpoint> of(Collection<EndpointSlice> slices) {
    Map<String, Endpoint> byId = new TreeMap<>();
    for (EndpointSlice slice : slices) {
      Optional<Integer> port = port(slice);
      if (port.isEmpty() || slice.getEndpoints() == null) {
        continue;
      }
      for (var endpoint : slice.getEndpoints()) {
        if (endpoint.getAddresses() == null || endpoint.getAddresses().isEmpty()) {
          continue;
        }
        String address = endpoint.getAddresses().get(0);
        String id =
            endpoint.getTargetRef() != null && endpoint.getTargetRef().getName() != null
                ? endpoint.getTargetRef().getName()
                : address;
        byId.putIfAbsent(
            id, new Endpoint(id, address, port.get(), state(endpoint.getConditions())));
      }
    }
    return List.copyOf(byId.values());
  }

  /** The state of one endpoint from its conditions. */
  public static Endpoint.State state(EndpointConditions conditions) {
    if (conditions == null) {
      return Endpoint.State.READY;
    }
    if (Boolean.TRUE.equals(conditions.getTerminating())) {
      return Endpoint.State.TERMINATING;
    }
    return Boolean.FALSE.equals(conditions.getReady())
        ? Endpoint.State.STARTING
        : Endpoint.State.READY;
  }

  /** The slice's port named {@code http}, else its first port with a number. */
  private static Optional<Integer> port(EndpointSlice slice) {
    if (slice.getPorts() == null) {
      return Optional.empty();
    }
    return slice.getPorts().stream()
        .filter(p -> p.getPort() != null)
        .min(Comparator.comparing((EndpointPort p) -> !"http".equals(p.getName())))
        .map(EndpointPort::getPort);
  }
}
