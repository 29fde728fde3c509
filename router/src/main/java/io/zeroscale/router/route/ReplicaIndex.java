package io.zeroscale.router.route;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every replica the data path may have requests on, by function and endpoint id, across routes. A
 * replica stays here while a route lists it or requests still run on it, so {@link
 * RoutingTable#count} tells the truth after its endpoint is removed, after its function is deleted
 * (a backend then drains and stops the replica) and after the function is re-created (the new route
 * picks the same object, count included, back up).
 */
final class ReplicaIndex {

  private record Id(FunctionKey key, String endpointId) {}

  private final Map<Id, Replica> replicas = new ConcurrentHashMap<>();

  /** The replica for this endpoint, created or taken back (same address) from a previous route. */
  Replica obtain(FunctionKey key, Endpoint endpoint) {
    return replicas.compute(
        new Id(key, endpoint.id()),
        (id, existing) -> {
          if (existing != null && existing.sameAddress(endpoint)) {
            existing.state(endpoint.state());
            existing.retired(false);
            return existing;
          }
          // A new address under an old id is a new process: its own count.
          return new Replica(key, endpoint);
        });
  }

  /** No route lists the replica any more: forget it once nothing runs on it. */
  void retire(Replica replica) {
    replica.state(Endpoint.State.TERMINATING);
    replica.retired(true);
    forgetIfIdle(replica);
  }

  /** Called after a slot is given back. */
  void released(Replica replica) {
    if (replica.retired()) {
      forgetIfIdle(replica);
    }
  }

  private void forgetIfIdle(Replica replica) {
    replicas.computeIfPresent(
        new Id(replica.key(), replica.id()),
        (id, current) ->
            current == replica && current.retired() && current.inFlight() == 0 ? null : current);
  }

  Replica get(FunctionKey key, String endpointId) {
    return replicas.get(new Id(key, endpointId));
  }

  /** Requests in flight on every replica, deleted functions included. */
  int totalInFlight() {
    int total = 0;
    for (Replica replica : replicas.values()) {
      total += replica.inFlight();
    }
    return total;
  }

  int size() {
    return replicas.size();
  }
}
