package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.OrderedDelivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Sends endpoint snapshots to watchers, in order, on a delivery thread of its own: the orchestrator
 * publishes under its lock (queuing only), watchers run outside it. A new watcher first gets the
 * snapshot of every function with endpoints, then each change.
 */
final class EndpointBroadcaster implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EndpointBroadcaster.class);

  private final OrderedDelivery delivery = new OrderedDelivery("zeroscale-endpoint-events");

  /** What {@link #current} answers: updated as soon as a change is published. */
  private final Map<FunctionKey, List<Endpoint>> latest = new ConcurrentHashMap<>();

  /** What watchers have been told; touched only on the delivery thread. */
  private final Map<FunctionKey, List<Endpoint>> delivered = new HashMap<>();

  private final List<Endpoints.Listener> listeners = new ArrayList<>();

  void publish(FunctionKey key, List<Endpoint> endpoints) {
    List<Endpoint> snapshot = List.copyOf(endpoints);
    if (snapshot.isEmpty()) {
      latest.remove(key);
    } else {
      latest.put(key, snapshot);
    }
    delivery.submit(
        () -> {
          if (snapshot.isEmpty()) {
            delivered.remove(key);
          } else {
            delivered.put(key, snapshot);
          }
          for (Endpoints.Listener listener : listeners) {
            deliver(listener, key, snapshot);
          }
        });
  }

  List<Endpoint> current(FunctionKey key) {
    return latest.getOrDefault(key, List.of());
  }

  AutoCloseable watch(Endpoints.Listener listener) {
    delivery.submit(
        () -> {
          new ArrayList<>(delivered.entrySet())
              .forEach(e -> deliver(listener, e.getKey(), e.getValue()));
          listeners.add(listener);
        });
    return () -> delivery.submit(() -> listeners.remove(listener));
  }

  private static void deliver(
      Endpoints.Listener listener, FunctionKey key, List<Endpoint> endpoints) {
    try {
      listener.onEndpoints(key, endpoints);
    } catch (RuntimeException e) {
      LOG.warnf(e, "endpoint watcher failed function=%s", key);
    }
  }

  @Override
  public void close() {
    delivery.close();
  }
}
