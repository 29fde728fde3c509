package io.zeroscale.activator.probe;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.Replica;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Probes the starting replicas of functions that have requests waiting, every {@code interval},
 * with an HTTP GET on the function's readiness path (any answer below 500 means ready, as for the
 * backends' own probes). A replica that answers is promoted in its route and the activator is told,
 * so waiting requests go out without waiting for the backend to publish READY.
 *
 * <p>Each replica has at most one probe in flight. Probing a replica stops when it answers, when it
 * is no longer starting (ready, terminating or gone), when nothing waits for its function any more,
 * or after {@code maxProbing}; a new waiting request starts it again.
 */
public final class StartingReplicaProber implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StartingReplicaProber.class);

  private final Vertx vertx;
  private final HttpClient client;
  private final long intervalMillis;
  private final long maxProbingNanos;
  private final long probeTimeoutMillis;
  private final Predicate<FunctionRoute> waiting;
  private final Consumer<FunctionRoute> promoted;
  private final Map<Replica, Probing> probing = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param interval time between two probes of one replica; zero or negative turns probing off
   * @param maxProbing longest a replica is probed without a new waiting request
   * @param waiting whether requests still wait for a function
   * @param promoted called (on an event loop) after a replica of the route was promoted
   */
  public StartingReplicaProber(
      Vertx vertx,
      Duration interval,
      Duration maxProbing,
      Predicate<FunctionRoute> waiting,
      Consumer<FunctionRoute> promoted) {
    this.vertx = vertx;
    this.intervalMillis = interval.toMillis();
    this.maxProbingNanos = maxProbing.toNanos();
    this.probeTimeoutMillis = Math.max(100, Math.min(1000, 20 * intervalMillis));
    this.waiting = waiting;
    this.promoted = promoted;
    // A fresh connection per probe: a starting process may accept a connection long before it
    // answers on it, and a pooled connection to a replica that is not ready yet is of no use.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(false).setConnectTimeout((int) probeTimeoutMillis),
            new PoolOptions().setHttp1MaxSize(64));
  }

  /** Probes the route's starting replicas that are not probed yet. */
  public void probe(FunctionRoute route) {
    if (intervalMillis <= 0 || closed) {
      return;
    }
    for (Replica replica : route.starting()) {
      Probing state = new Probing(route, replica, System.nanoTime());
      if (probing.putIfAbsent(replica, state) == null) {
        // The id is also taken from the handler: the first tick may run before this call returns.
        state.timer =
            vertx.setPeriodic(
                1,
                intervalMillis,
                id -> {
                  state.timer = id;
                  tick(state);
                });
      }
    }
  }

  /** Replicas being probed now. */
  public int probing() {
    return probing.size();
  }

  private void tick(Probing state) {
    FunctionRoute route = state.route;
    Replica replica = state.replica;
    if (closed
        || !route.isStarting(replica)
        || !waiting.test(route)
        || System.nanoTime() - state.since > maxProbingNanos) {
      stop(state);
      return;
    }
    if (state.inFlight) {
      return;
    }
    state.inFlight = true;
    state.probes++;
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(replica.host())
            .setPort(replica.port())
            .setURI(route.readinessPath())
            .setIdleTimeout(probeTimeoutMillis)
            .putHeader("User-Agent", "zeroscale-activator-probe");
    client
        .request(request)
        .compose(req -> req.send())
        .compose(resp -> resp.end().map(v -> resp.statusCode()))
        .onComplete(
            answer -> {
              state.inFlight = false;
              if (answer.succeeded() && answer.result() < 500) {
                stop(state);
                if (route.promote(replica)) {
                  LOG.infof(
                      "replica probed ready function=%s replica=%s probes=%d ready=%d",
                      route.key(), replica.id(), state.probes, route.readyCount());
                  promoted.accept(route);
                }
              }
            });
  }

  private void stop(Probing state) {
    vertx.cancelTimer(state.timer);
    probing.remove(state.replica, state);
  }

  @Override
  public void close() {
    closed = true;
    for (Probing state : probing.values()) {
      stop(state);
    }
    client.close();
  }

  /** One replica being probed. Fields other than the final ones are touched on its timer only. */
  private static final class Probing {
    final FunctionRoute route;
    final Replica replica;
    final long since;
    volatile long timer;
    boolean inFlight;
    int probes;

    Probing(FunctionRoute route, Replica replica, long since) {
      this.route = route;
      this.replica = replica;
      this.since = since;
    }
  }
}
