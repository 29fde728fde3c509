package io.zeroscale.activator.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.router.proxy.Exchange;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.RouteListener;
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

  public Activator(Vertx vertx, ActivatorConfig config, ScalePoke poke, MeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.poke = poke;
    this.registry = registry;
    this.pokeIntervalNanos = config.pokeInterval().toNanos();
    this.sweepTimer =
        vertx.setPeriodic(Math.max(1, config.sweepInterval().toMillis()), id -> sweep());
  }

  /** Requests waiting for a function now. */
  public int queued(FunctionKey key) {
    FunctionQueue queue = queues.get(key);
    return queue == null ? 0 : queue.depth();
  }

  @Override
  public void accept(Exchange exchange) {
    FunctionRoute route = exchange.route();
    if (route.deleted()) {
      exchange.reject(404, "function " + route.key() + " was deleted", null, 0);
      return;
    }
    FunctionQueue queue = queueOf(route);
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
    route.load().enqueued();
    if (route.deleted()) {
      // Deleted between the check above and the queueing: answer rather than wait for a timeout.
      onRemoved(route);
      return;
    }
    if (offer.depth() == 1) {
      LOG.infof("requests waiting function=%s ready=%d", route.key(), route.readyCount());
    }
    if (offer.poke()) {
      poke.poke(route.key(), offer.depth());
    }
    // Capacity may have appeared between the router's look and the queueing.
    dispatch(queue);
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
  public void onRemoved(FunctionRoute route) {
    FunctionQueue queue = queues.remove(route.key());
    if (queue == null) {
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

  private FunctionQueue queueOf(FunctionRoute route) {
    FunctionQueue queue = queues.get(route.key());
    if (queue != null && queue.route() == route) {
      return queue;
    }
    return queues.compute(
        route.key(),
        (key, existing) -> {
          if (existing != null && existing.route() == route) {
            return existing;
          }
          if (existing != null) {
            existing.meters().remove();
          }
          FunctionQueue[] holder = new FunctionQueue[1];
          ActivatorMeters meters = new ActivatorMeters(registry, key, () -> holder[0].depth());
          holder[0] = new FunctionQueue(route, meters);
          return holder[0];
        });
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
        exchange.reject(
            503,
            "function " + route.key() + " did not become ready within " + maxWaitMillis + " ms",
            "look at why it does not start: zeroscale logs " + route.key().name(),
            config.retryAfterSeconds());
      }
      dispatch(queue);
    }
  }

  /** Stops the sweep and answers 503 to every waiting request. */
  @Override
  public void close() {
    vertx.cancelTimer(sweepTimer);
    for (FunctionQueue queue : queues.values()) {
      for (Exchange exchange : queue.takeAll()) {
        queue.route().load().dequeued();
        exchange.reject(
            503,
            "the data path is shutting down",
            "retry; another instance may serve",
            config.retryAfterSeconds());
      }
      queue.meters().remove();
    }
    queues.clear();
  }
}
