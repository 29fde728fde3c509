package io.zeroscale.platform.controller;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reconciles the catalog with the backend: a new or changed spec is applied, a deleted function is
 * torn down, and every second each function's status is refreshed from what the backend reports.
 *
 * <p>All backend calls run on the controller's own thread: they may block (process start, API
 * calls) and catalog listeners must not.
 */
public final class FunctionController implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FunctionController.class);

  private final FunctionCatalog catalog;
  private final Orchestrator orchestrator;
  private final StatusWriter statusWriter;
  private final MeterRegistry registry;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "zeroscale-controller");
            t.setDaemon(true);
            return t;
          });

  /** Generation last applied per function, so status writes (which echo as upserts) are ignored. */
  private final Map<FunctionKey, Long> applied = new ConcurrentHashMap<>();

  private final Map<FunctionKey, Gauge> readyGauges = new ConcurrentHashMap<>();
  private AutoCloseable subscription;

  public FunctionController(
      FunctionCatalog catalog,
      Orchestrator orchestrator,
      StatusWriter statusWriter,
      MeterRegistry registry) {
    this.catalog = catalog;
    this.orchestrator = orchestrator;
    this.statusWriter = statusWriter;
    this.registry = registry;
  }

  /** Starts watching the catalog; existing functions are applied first. */
  public void start() {
    subscription =
        catalog.watch(
            new FunctionCatalog.Listener() {
              @Override
              public void onUpsert(Function function) {
                thread.execute(() -> applyIfChanged(function));
              }

              @Override
              public void onDelete(FunctionKey key) {
                thread.execute(() -> remove(key));
              }
            });
    thread.scheduleWithFixedDelay(this::refreshStatuses, 200, 1000, TimeUnit.MILLISECONDS);
  }

  /** Refreshes every function's status now (on the controller thread). */
  public void refreshSoon() {
    thread.execute(this::refreshStatuses);
  }

  private void applyIfChanged(Function function) {
    FunctionKey key = function.key();
    long generation =
        function.metadata().generation() == null ? 0 : function.metadata().generation();
    Long last = applied.get(key);
    if (last != null && last == generation) {
      return;
    }
    try {
      orchestrator.apply(function);
      applied.put(key, generation);
      readyGauges.computeIfAbsent(key, this::readyGauge);
      LOG.infof("function applied function=%s generation=%d", key, generation);
      statusWriter.write(function);
    } catch (RuntimeException e) {
      LOG.errorf(e, "function apply failed function=%s generation=%d", key, generation);
      statusWriter.writeFailure(function, "ApplyFailed", e.getMessage());
    }
  }

  private void remove(FunctionKey key) {
    applied.remove(key);
    Gauge gauge = readyGauges.remove(key);
    if (gauge != null) {
      registry.remove(gauge);
    }
    try {
      orchestrator.delete(key);
      LOG.infof("function deleted function=%s", key);
    } catch (RuntimeException e) {
      LOG.errorf(e, "function delete failed function=%s", key);
    }
  }

  private void refreshStatuses() {
    for (Function function : catalog.list()) {
      if (applied.containsKey(function.key())) {
        try {
          statusWriter.write(function);
        } catch (RuntimeException e) {
          LOG.warnf(e, "status refresh failed function=%s", function.key());
        }
      }
    }
  }

  private Gauge readyGauge(FunctionKey key) {
    return Gauge.builder("zeroscale.replicas.ready", () -> orchestrator.currentScale(key).ready())
        .description("Replicas of the function that answer requests")
        .tags(Tags.of("namespace", key.namespace(), "function", key.name()))
        .register(registry);
  }

  @Override
  public void close() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.debug("closing catalog watch", e);
      }
    }
    thread.shutdownNow();
  }
}
