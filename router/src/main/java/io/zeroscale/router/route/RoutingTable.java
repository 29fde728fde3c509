package io.zeroscale.router.route;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.InFlightRequests;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.LoadTotals;
import io.zeroscale.router.load.FunctionLoadMeter;
import io.zeroscale.router.load.FunctionMeters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The functions the router knows and their replicas, kept in step with {@link
 * FunctionCatalog#watch} and {@link Endpoints#watch}. A request costs one map lookup. It is also
 * the data path's {@link InFlightRequests} (per replica) and {@link LoadSource} (per function),
 * since both are reads of what it holds.
 */
public final class RoutingTable implements InFlightRequests, LoadSource, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RoutingTable.class);

  private final FunctionCatalog catalog;
  private final Endpoints endpoints;
  private final MeterRegistry registry;
  private final Map<FunctionKey, FunctionRoute> routes = new ConcurrentHashMap<>();
  private final Map<FunctionKey, List<Endpoint>> snapshots = new HashMap<>();
  private final ReplicaIndex replicas = new ReplicaIndex();
  private volatile RouteListener listener = RouteListener.NONE;
  private final RouteListener forwarding =
      new RouteListener() {
        @Override
        public void onCapacity(FunctionRoute route) {
          listener.onCapacity(route);
        }

        @Override
        public void onRemoved(FunctionRoute route) {
          listener.onRemoved(route);
        }

        @Override
        public void onStarting(FunctionRoute route) {
          listener.onStarting(route);
        }
      };
  private AutoCloseable catalogWatch;
  private AutoCloseable endpointsWatch;

  public RoutingTable(FunctionCatalog catalog, Endpoints endpoints, MeterRegistry registry) {
    this.catalog = catalog;
    this.endpoints = endpoints;
    this.registry = registry;
  }

  /** Who hears about capacity and removals (the activator); set before {@link #start}. */
  public void listener(RouteListener value) {
    listener = value;
  }

  /**
   * Subscribes to the catalog and the endpoints; the table is filled when this returns. Watches may
   * replay their first snapshot asynchronously (the local file catalog does), so the current state
   * is also read and applied here; applying it twice changes nothing.
   */
  public RoutingTable start() {
    catalogWatch =
        catalog.watch(
            new FunctionCatalog.Listener() {
              @Override
              public void onUpsert(Function function) {
                upsert(function);
              }

              @Override
              public void onDelete(FunctionKey key) {
                delete(key);
              }
            });
    endpointsWatch = endpoints.watch(this::endpoints);
    for (Function function : catalog.list()) {
      if (!upsertUnlessDeleted(function)) {
        continue;
      }
      List<Endpoint> current = endpoints.current(function.key());
      if (!current.isEmpty()) {
        endpoints(function.key(), current);
      }
    }
    synchronized (this) {
      starting = false;
      deletedSinceStart.clear();
    }
    return this;
  }

  private final java.util.Set<FunctionKey> deletedSinceStart = new java.util.HashSet<>();
  private boolean starting = true;

  private synchronized boolean upsertUnlessDeleted(Function function) {
    // A delete event that came in after list() was read must not be undone by it.
    if (deletedSinceStart.contains(function.key())) {
      return false;
    }
    upsert(function);
    return true;
  }

  /** The route of a function, or null when the catalog does not have it. */
  public FunctionRoute route(FunctionKey key) {
    return routes.get(key);
  }

  private synchronized void upsert(Function function) {
    FunctionKey key = function.key();
    FunctionRoute route = routes.get(key);
    boolean added = route == null;
    if (added) {
      FunctionLoadMeter load = new FunctionLoadMeter(key);
      route =
          new FunctionRoute(
              key, load, new FunctionMeters(registry, key, load), forwarding, replicas);
      route.endpoints(snapshots.getOrDefault(key, List.of()));
    }
    long timeoutBefore = added ? -1 : route.timeoutMillis();
    int limitBefore = added ? -1 : route.containerConcurrency();
    route.spec(function);
    routes.put(key, route);
    if (!added
        && timeoutBefore == route.timeoutMillis()
        && limitBefore == route.containerConcurrency()) {
      return; // a status write or a change the data path does not use: nothing to log or do
    }
    LOG.infof(
        "route %s function=%s timeoutMs=%d containerConcurrency=%d ready=%d",
        added ? "added" : "updated",
        key,
        route.timeoutMillis(),
        route.containerConcurrency(),
        route.readyCount());
    if (route.readyCount() > 0) {
      forwarding.onCapacity(route);
    }
  }

  private synchronized void delete(FunctionKey key) {
    if (starting) {
      deletedSinceStart.add(key);
    }
    FunctionRoute route = routes.remove(key);
    if (route == null) {
      return;
    }
    route.markDeleted();
    route.meters().remove();
    LOG.infof("route removed function=%s", key);
    forwarding.onRemoved(route);
  }

  private synchronized void endpoints(FunctionKey key, List<Endpoint> list) {
    if (list.isEmpty()) {
      snapshots.remove(key);
    } else {
      snapshots.put(key, List.copyOf(list));
    }
    FunctionRoute route = routes.get(key);
    if (route == null) {
      return;
    }
    int before = route.readyCount();
    route.endpoints(list);
    if (before != route.readyCount()) {
      LOG.infof(
          "ready replicas changed function=%s from=%d to=%d", key, before, route.readyCount());
    }
    forwarding.onCapacity(route);
    if (!route.starting().isEmpty()) {
      forwarding.onStarting(route);
    }
  }

  @Override
  public int count(FunctionKey key, String endpointId) {
    // From the index, not the route: requests on a replica of a deleted (or re-created) function
    // or of a removed endpoint still count until they end.
    Replica replica = replicas.get(key, endpointId);
    return replica == null ? 0 : replica.inFlight();
  }

  /** Requests in flight on all replicas, those of deleted functions included. */
  public int totalInFlight() {
    return replicas.totalInFlight();
  }

  @Override
  public Map<FunctionKey, FunctionLoad> collect() {
    Map<FunctionKey, FunctionLoad> result = new HashMap<>();
    for (FunctionRoute route : routes.values()) {
      FunctionLoad load = route.load().collect();
      if (load.active()) {
        result.put(route.key(), load);
      }
    }
    return result;
  }

  /** The running totals of every function routed, read at one moment; changes no window. */
  public List<LoadTotals> totals(long nanos) {
    List<LoadTotals> totals = new ArrayList<>();
    for (FunctionRoute route : routes.values()) {
      totals.add(route.load().totals(nanos));
    }
    return totals;
  }

  @Override
  public void close() throws Exception {
    if (catalogWatch != null) {
      catalogWatch.close();
    }
    if (endpointsWatch != null) {
      endpointsWatch.close();
    }
  }
}
