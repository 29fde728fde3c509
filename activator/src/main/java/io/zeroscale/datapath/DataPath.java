package io.zeroscale.datapath;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.activator.queue.Activator;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.InFlightRequests;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.route.RoutingTable;
import io.zeroscale.router.server.Router;
import org.jboss.logging.Logger;

/**
 * The router and the activator wired together: what the platform starts for the {@code router} and
 * {@code activator} roles. Steps of {@link #start}: fill the routing table from the catalog and the
 * endpoints, put the activator behind it, open the HTTP port.
 */
public final class DataPath {

  private static final Logger LOG = Logger.getLogger(DataPath.class);

  private final RoutingTable table;
  private final Activator activator;
  private final Router router;

  private DataPath(RoutingTable table, Activator activator, Router router) {
    this.table = table;
    this.activator = activator;
    this.router = router;
  }

  /**
   * Starts the data path. {@code poke} is called on an event loop the moment a request waits for a
   * function: it must not block. For native epoll, create {@code vertx} with {@code
   * VertxOptions.setPreferNativeTransport(true)}.
   */
  public static Future<DataPath> start(
      Vertx vertx,
      RouterConfig routerConfig,
      ActivatorConfig activatorConfig,
      FunctionCatalog catalog,
      Endpoints endpoints,
      ScalePoke poke,
      MeterRegistry registry) {
    RoutingTable table = new RoutingTable(catalog, endpoints, registry);
    Activator activator = new Activator(vertx, activatorConfig, poke, registry);
    table.listener(activator);
    // The watches deliver their first snapshot synchronously and may do I/O (Kubernetes).
    return vertx
        .executeBlocking(table::start, false)
        .compose(started -> Router.start(vertx, routerConfig, table, activator))
        .map(router -> new DataPath(table, activator, router))
        .onFailure(
            failure -> {
              activator.close();
              closeQuietly(table);
              LOG.errorf(failure, "data path failed to start port=%d", routerConfig.port());
            });
  }

  /** The port the router listens on (the actual one when configured with 0). */
  public int port() {
    return router.port();
  }

  /** Load per function (proxied and queued, time-weighted), for the autoscaler. */
  public LoadSource loadSource() {
    return table;
  }

  /** In-flight requests per replica, for backends that drain a replica before stopping it. */
  public InFlightRequests inFlightRequests() {
    return table;
  }

  /** Stops accepting connections, answers waiting requests with 503, unsubscribes. */
  public Future<Void> close() {
    return router
        .close()
        .onComplete(
            done -> {
              activator.close();
              closeQuietly(table);
            });
  }

  private static void closeQuietly(RoutingTable table) {
    try {
      table.close();
    } catch (Exception e) {
      LOG.warnf(e, "closing the routing table's watches failed");
    }
  }
}
