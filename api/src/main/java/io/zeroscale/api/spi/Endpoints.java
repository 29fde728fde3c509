package io.zeroscale.api.spi;

import io.zeroscale.api.function.FunctionKey;
import java.util.List;

/**
 * Which replicas of each function exist and in what state: child processes on the local backend,
 * EndpointSlices on Kubernetes. Read by the router and the activator only.
 */
public interface Endpoints {

  /** The replicas of one function now (empty when it is at zero or unknown). */
  List<Endpoint> current(FunctionKey key);

  /**
   * Subscribes to changes. The listener first receives a snapshot of every function that has
   * endpoints, then a full snapshot of a function's endpoints each time they change (an empty list
   * when the last one is gone). Listeners must not block.
   *
   * @return closing it unsubscribes
   */
  AutoCloseable watch(Listener listener);

  /** Receives endpoint snapshots, one function at a time. */
  @FunctionalInterface
  interface Listener {
    void onEndpoints(FunctionKey key, List<Endpoint> endpoints);
  }
}
