package io.zeroscale.datapath;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.activator.queue.Activator;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.InFlightRequests;
import io.zeroscale.api.stats.LoadSnapshot;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.route.RoutingTable;
import io.zeroscale.router.server.Router;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The router and the activator wired together: what the platform starts for the {@code router} and
 * {@code activator} roles. Steps of {@link #start}: fill the routing table from the catalog and the
 * endpoints, put the activator behind it, open the HTTP port. Shut it down with {@link #drain}
 * (graceful, bounded) or {@link #close} (the same with a short grace).
 */
public final class DataPath {

  private static final Logger LOG = Logger.getLogger(DataPath.class);

  /** How long {@link #close} lets requests in flight finish. */
  public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private static final long POLL_MILLIS = 20;

  private final Vertx vertx;
  private final RoutingTable table;
  private final Activator activator;
  private final Router router;
  private final String instance = UUID.randomUUID().toString();
  private Future<Void> drained;

  private DataPath(Vertx vertx, RoutingTable table, Activator activator, Router router) {
    this.vertx = vertx;
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
        .map(router -> new DataPath(vertx, table, activator, router))
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

  /**
   * Running load totals per function, for autoscalers in other processes: reading them changes
   * nothing ({@link LoadSnapshot#since} turns two into a window). The instance id is new for each
   * data path, so a restarted one is not compared with its predecessor.
   */
  public LoadSnapshot loadSnapshot() {
    long now = System.nanoTime();
    return new LoadSnapshot(instance, now, table.totals(now));
  }

  /** Identifies this data path among the platform's instances (new at each start). */
  public String instance() {
    return instance;
  }

  /** In-flight requests per replica, for backends that drain a replica before stopping it. */
  public InFlightRequests inFlightRequests() {
    return table;
  }

  /**
   * Shuts down gracefully, in order: (1) new requests get 503 with {@code Retry-After} and {@code
   * Connection: close} ("platform is shutting down"); (2) requests waiting in the activator get the
   * same 503, written while their connections are still open; (3) requests in flight on replicas
   * run to their end, for at most {@code timeout}; (4) the port, the remaining connections, the
   * activator and the watches are closed. Calling it again returns the same future.
   *
   * @return completes when everything is closed; never fails
   */
  public synchronized Future<Void> drain(Duration timeout) {
    if (drained != null) {
      return drained;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    router.stopAccepting();
    Future<Void> rejected = activator.drain();
    Promise<Void> idle = Promise.promise();
    waitForIdle(rejected, deadline, idle);
    drained =
        idle.future()
            .compose(v -> router.close())
            .otherwiseEmpty()
            .onComplete(
                done -> {
                  activator.close();
                  closeQuietly(table);
                  LOG.infof("data path closed port=%d", router.port());
                });
    return drained;
  }

  private void waitForIdle(Future<Void> rejected, long deadline, Promise<Void> idle) {
    int inFlight = table.totalInFlight();
    if (inFlight == 0 && rejected.isComplete()) {
      idle.complete();
      return;
    }
    if (System.nanoTime() - deadline >= 0) {
      LOG.warnf(
          "drain timed out, cutting requests in flight inFlight=%d port=%d",
          inFlight, router.port());
      idle.complete();
      return;
    }
    vertx.setTimer(POLL_MILLIS, id -> waitForIdle(rejected, deadline, idle));
  }

  /** {@link #drain} with a grace of {@link #CLOSE_GRACE} for requests in flight. */
  public Future<Void> close() {
    return drain(CLOSE_GRACE);
  }

  private static void closeQuietly(RoutingTable table) {
    try {
      table.close();
    } catch (Exception e) {
      LOG.warnf(e, "closing the routing table's watches failed");
    }
  }
}
