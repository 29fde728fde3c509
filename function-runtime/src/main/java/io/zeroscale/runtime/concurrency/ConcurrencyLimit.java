package io.zeroscale.runtime.concurrency;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import io.zeroscale.runtime.RuntimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Answers {@code 503} with {@code Retry-After: 1} when the replica already serves {@code
 * zeroscale.container-concurrency} requests, instead of queueing them inside the JVM where nobody
 * can see them. Installed as a Vert.x filter, so it covers every HTTP endpoint of the application
 * and counts a request until its response has been written or its connection closed.
 */
@ApplicationScoped
public class ConcurrencyLimit {

  private static final Logger LOG = Logger.getLogger(ConcurrencyLimit.class);

  /** Runs before the application's routes and most other filters. */
  static final int FILTER_PRIORITY = 1000;

  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();

  ConcurrencyLimit(RuntimeConfig config) {
    this.limit = config.containerConcurrency();
  }

  void install(@Observes Filters filters) {
    if (limit <= 0) {
      return;
    }
    filters.register(this::handle, FILTER_PRIORITY);
    LOG.infof("concurrency limit installed containerConcurrency=%d", limit);
  }

  private void handle(RoutingContext ctx) {
    if (ctx.normalizedPath().startsWith("/q/")) {
      ctx.next();
      return;
    }
    if (inFlight.incrementAndGet() > limit) {
      inFlight.decrementAndGet();
      ctx.response()
          .setStatusCode(503)
          .putHeader("Retry-After", "1")
          .putHeader("Content-Type", "text/plain")
          .end(
              "this replica already serves its limit of "
                  + limit
                  + " concurrent requests (containerConcurrency); retry later\n");
      return;
    }
    ctx.addEndHandler(done -> inFlight.decrementAndGet());
    ctx.next();
  }

  /** Requests being served now (for tests and diagnostics). */
  public int inFlight() {
    return inFlight.get();
  }
}
