package io.zeroscale.api.testing;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Endpoints set by the test, for tests of the data path. */
public final class InMemoryEndpoints implements Endpoints {

  private final Map<FunctionKey, List<Endpoint>> current = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public static Endpoint ready(String id, int port) {
    return new Endpoint(id, "127.0.0.1", port, Endpoint.State.READY);
  }

  public void set(FunctionKey key, Endpoint... endpoints) {
    List<Endpoint> list = List.of(endpoints);
    if (list.isEmpty()) {
      current.remove(key);
    } else {
      current.put(key, list);
    }
    listeners.forEach(l -> l.onEndpoints(key, list));
  }

  @Override
  public List<Endpoint> current(FunctionKey key) {
    return current.getOrDefault(key, List.of());
  }

  @Override
  public AutoCloseable watch(Listener listener) {
    current.forEach(listener::onEndpoints);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
