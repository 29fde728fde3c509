package io.zeroscale.runtime.drain;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zeroscale.runtime.RuntimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Readiness that means "can serve now", and refusal of new requests once the replica is told to
 * stop.
 *
 * <p>On SIGTERM Quarkus's graceful shutdown ({@code quarkus.shutdown.timeout}) waits for in-flight
 * requests, but (in Quarkus 3.33) still serves requests that arrive meanwhile, only adding {@code
 * Connection: close}. A replica that is going away should take nothing new: the platform has
 * already routed elsewhere, and a late caller is better told to retry at once. So a JVM shutdown
 * hook — it runs the moment the signal arrives, alongside Quarkus's own — flips this replica to
 * draining: the readiness path answers 503 and every other new request 503 with {@code Retry-After:
 * 1} and {@code Connection: close}, while the requests already in flight finish under Quarkus's
 * graceful shutdown. (Quarkus's shutdown listeners are an extension-only SPI, hence the hook.)
 */
@ApplicationScoped
public class Drain {

  private static final Logger LOG = Logger.getLogger(Drain.class);

  /** Ahead of the concurrency limit: a draining replica refuses before counting. */
  static final int FILTER_PRIORITY = 2000;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final String readinessPath;

  Drain(RuntimeConfig config) {
    this.readinessPath = config.readinessPath();
  }

  void onStart(@Observes StartupEvent event) {
    Runtime.getRuntime().addShutdownHook(new Thread(this::startDraining, "zeroscale-drain"));
  }

  void installFilter(@Observes Filters filters) {
    filters.register(this::refuseWhileDraining, FILTER_PRIORITY);
  }

  void installReadiness(@Observes Router router) {
    router.get(readinessPath).order(Integer.MIN_VALUE).handler(this::readiness);
  }

  /** Stops taking new requests; in-flight ones go on. Idempotent. */
  public void startDraining() {
    if (draining.compareAndSet(false, true)) {
      LOG.info("draining: new requests get 503, in-flight ones finish");
    }
  }

  public boolean draining() {
    return draining.get();
  }

  private void readiness(RoutingContext ctx) {
    boolean ready = !draining.get();
    ctx.response()
        .setStatusCode(ready ? 200 : 503)
        .putHeader("Content-Type", "text/plain")
        .end(ready ? "ready\n" : "draining\n");
  }

  private void refuseWhileDraining(RoutingContext ctx) {
    if (!draining.get() || ctx.normalizedPath().equals(readinessPath)) {
      ctx.next();
      return;
    }
    ctx.response()
        .setStatusCode(503)
        .putHeader("Retry-After", "1")
        .putHeader("Connection", "close")
        .putHeader("Content-Type", "text/plain")
        .end("this replica is shutting down and takes no new requests; retry\n");
  }
}
