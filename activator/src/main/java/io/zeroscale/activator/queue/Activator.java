package io.zeroscale.activator.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.activator.probe.StartingReplicaProber;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.router.proxy.Exchange;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.RouteListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Holds the requests the router could not place and forwards them, oldest first, when a replica has
 * room. Steps of a request: {@link #accept} queues it (503 when full) and pokes the autoscaler at
 * once; {@link #onCapacity} (a replica turned ready or a slot freed up) forwards what fits; {@link
 * #sweep} answers 503 to requests that waited too long; {@link #onRemoved} answers 404 to requests
 * for a function deleted meanwhile.
 */
public final class Activator implements Handoff, RouteListener, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Activator.class);

  private final Vertx vertx;
  private final ActivatorConfig config;
  private final ScalePoke poke;
  private final MeterRegistry registry;
  private final Map<FunctionKey, FunctionQueue> queues = new ConcurrentHashMap<>();
  private final long pokeIntervalNanos;
  private final long sweepTimer;
  private final StartingReplicaProber prober;
  private volatile boolean draining;

  public Activator(Vertx vertx, ActivatorConfig config, ScalePoke poke, MeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.poke = poke;
    this.registry = registry;
    this.pokeIntervalNanos = config.pokeInterval().toNanos();
    this.sweepTimer =
        vertx.setPeriodic(Math.max(1, config.sweepInterval().toMillis()), id -> sweep());
    this.prober =
        new StartingReplicaProber(
            vertx,
            config.probeInterval(),
            config.maxWait(),
            route -> queued(route.key()) > 0,
            this::onCapacity);
  }

  /** Requests waiting for a function now. */
  public int queued(FunctionKey key) {
    FunctionQueue queue = queues.get(key);
    return queue == null ? 0 : queue.depth();
  }

  @Override
  public void accept(Exchange exchange) {
    FunctionRoute route = exchange.route();
    if (draining) {
      exchange.reject(503, SHUTTING_DOWN, SHUTTING_DOWN_HINT, config.retryAfterSeconds(), true);
      return;
    }
    FunctionQueue queue = queueOf(route);
    if (queue == null) {
      exchange.reject(404, "function " + route.key() + " was deleted", null, 0);
      return;
    }
    FunctionQueue.Offer offer = queue.offer(exchange, config.queueCapacity(), pokeIntervalNanos);
    if (offer.depth() < 0) {
      queue.meters().queueFull();
      exchange.reject(
          503,
          "too many requests wait for function "
              + route.key()
              + " (queue capacity "
              + config.queueCapacity()
              + ")",
          "retry after the Retry-After delay; raise maxScale so it can take more",
          config.retryAfterSeconds());
      return;
    }
    if (route.deleted()) {
      // Deleted between the check above and the queueing: answer rather than wait for a timeout.
      onRemoved(route);
      return;
    }
    if (draining) {
      // Drain began between the check above and the queueing: the drain may have missed it.
      rejectAllShuttingDown();
      return;
    }
    if (offer.depth() == 1 && route.readyCount() == 0) {
      // A wake-up from zero; a saturated function queues on every request, which is not news.
      LOG.infof("requests waiting function=%s ready=0", route.key());
    }
    if (offer.poke()) {
      poke.poke(route.key(), offer.depth());
    }
    // Capacity may have appeared between the router's look and the queueing.
    dispatch(queue);
    if (queue.depth() > 0) {
      prober.probe(route);
    }
  }

  @Override
  public void cancel(Exchange exchange) {
    FunctionQueue queue = queues.get(exchange.route().key());
    if (queue != null && queue.remove(exchange)) {
      exchange.route().load().dequeued();
    }
  }

  @Override
  public void onCapacity(FunctionRoute route) {
    FunctionQueue queue = queues.get(route.key());
    if (queue != null && queue.route() == route) {
      dispatch(queue);
    }
  }

  @Override
  public void onStarting(FunctionRoute route) {
    if (queued(route.key()) > 0) {
      prober.probe(route);
    }
  }

  @Override
  public void onRemoved(FunctionRoute route) {
    FunctionQueue queue = queues.get(route.key());
    // Only this route's queue: a re-created function has a new route and its own queue.
    if (queue == null || queue.route() != route || !queues.remove(route.key(), queue)) {
      return;
    }
    queue.meters().remove();
    List<Exchange> waiting = queue.takeAll();
    if (!waiting.isEmpty()) {
      LOG.infof("queue dropped function=%s waiting=%d reason=deleted", route.key(), waiting.size());
    }
    for (Exchange exchange : waiting) {
      route.load().dequeued();
      exchange.reject(
          404, "function " + route.key() + " was deleted while the request waited", null, 0);
    }
  }

  /** The queue of a live route; null when the route was deleted. */
  private FunctionQueue queueOf(FunctionRoute route) {
    FunctionQueue queue = queues.get(route.key());
    if (queue != null && queue.route() == route) {
      return queue;
    }
    if (route.deleted()) {
      return null;
    }
    List<FunctionQueue> replaced = new ArrayList<>(1);
    FunctionQueue result =
        queues.compute(
            route.key(),
            (key, existing) -> {
              if (existing != null && existing.route() == route) {
                return existing;
              }
              if (existing != null) {
                if (!existing.route().deleted()) {
                  // Never replace a live queue: only a deleted route's queue gives way.
                  return existing;
                }
                replaced.add(existing);
              }
              FunctionQueue[] holder = new FunctionQueue[1];
              ActivatorMeters meters = new ActivatorMeters(registry, key, () -> holder[0].depth());
              holder[0] = new FunctionQueue(route, meters);
              return holder[0];
            });
    for (FunctionQueue old : replaced) {
      dropDeleted(old);
    }
    return result.route() == route ? result : null;
  }

  /** Answers 404 to whatever still waits in the queue of a deleted route. */
  private void dropDeleted(FunctionQueue queue) {
    queue.meters().remove();
    FunctionRoute route = queue.route();
    for (Exchange exchange : queue.takeAll()) {
      route.load().dequeued();
      exchange.reject(
          404, "function " + route.key() + " was deleted while the request waited", null, 0);
    }
  }

  private void dispatch(FunctionQueue queue) {
    for (FunctionQueue.Dispatch next : queue.takeDispatchable()) {
      queue.route().load().dequeued();
      next.exchange().forward(next.replica());
    }
  }

  /** Times out requests that waited too long, and retries queues whose replicas refused lately. */
  void sweep() {
    long now = System.nanoTime();
    for (FunctionQueue queue : queues.values()) {
      if (queue.depth() == 0) {
        continue;
      }
      FunctionRoute route = queue.route();
      long maxWaitMillis = Math.min(config.maxWait().toMillis(), route.timeoutMillis());
      List<Exchange> expired = queue.takeExpired(now, maxWaitMillis * 1_000_000);
      if (!expired.isEmpty()) {
        LOG.infof(
            "wait timed out function=%s requests=%d maxWaitMs=%d ready=%d",
            route.key(), expired.size(), maxWaitMillis, route.readyCount());
      }
      for (Exchange exchange : expired) {
        route.load().dequeued();
        queue.meters().timeout();
        int ready = route.readyCount();
        if (ready > 0) {
          exchange.reject(
              503,
              "function "
                  + route.key()
                  + ": all "
                  + ready
                  + " replicas are at their concurrency limit; waited "
                  + maxWaitMillis
                  + " ms",
              "retry after the Retry-After delay; raise maxScale or containerConcurrency",
              config.retryAfterSeconds());
        } else {
          exchange.reject(
              503,
              "function " + route.key() + " did not become ready within " + maxWaitMillis + " ms",
              "look at why it does not start: zeroscale logs " + route.key().name(),
              config.retryAfterSeconds());
        }
      }
      dispatch(queue);
    }
  }

  /**
   * Starts a shutdown: answers 503 with {@code Retry-After} to every waiting request and to every
   * request handed over from now on.
   *
   * @return completes when the answers to the waiting requests are written
   */
  public Future<Void> drain() {
    if (!draining) {
      draining = true;
      LOG.infof("activator draining waiting=%d", totalQueued());
    }
    return rejectAllShuttingDown();
  }

  private int totalQueued() {
    int total = 0;
    for (FunctionQueue queue : queues.values()) {
      total += queue.depth();
    }
    return total;
  }

  private Future<Void> rejectAllShuttingDown() {
    List<Future<Void>> written = new ArrayList<>();
    for (FunctionQueue queue : queues.values()) {
      for (Exchange exchange : queue.takeAll()) {
        queue.route().load().dequeued();
        written.add(
            exchange.reject(
                503, SHUTTING_DOWN, SHUTTING_DOWN_HINT, config.retryAfterSeconds(), true));
      }
    }
    return Future.join(written).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Stops the sweep and answers 503 to every waiting request. */
  @Override
  public void close() {
    draining = true;
    vertx.cancelTimer(sweepTimer);
    prober.close();
    rejectAllShuttingDown();
    for (FunctionQueue queue : queues.values()) {
      queue.meters().remove();
    }
    queues.clear();
  }

  private static final String SHUTTING_DOWN = "platform is shutting down";
  private static final String SHUTTING_DOWN_HINT =
      "retry after the Retry-After delay; another instance may serve";
}
