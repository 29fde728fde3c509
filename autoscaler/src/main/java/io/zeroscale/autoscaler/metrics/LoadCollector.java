package io.zeroscale.autoscaler.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Collects load from every router and activator instance and sums it per function. A source that
 * throws or does not answer within the collection timeout is not read as zero load (that would
 * scale a busy function down): its last answer is used again for up to {@code staleLimit}, then
 * left out. Each change is logged once, and {@code zeroscale.autoscaler.load.sources.stale} counts
 * the sources currently answered for by their last load.
 *
 * <p>Each source is called on a thread of its own pool, with a timeout; a source still busy with
 * the previous call is not called again (so a hung source holds one thread, never more), and its
 * late answer is used at the next collection.
 */
public final class LoadCollector implements AutoCloseable {

  static final String STALE_SOURCES = "zeroscale.autoscaler.load.sources.stale";
  private static final Logger LOG = Logger.getLogger(LoadCollector.class);

  private final List<Tracked> sources = new ArrayList<>();
  private final Duration timeout;
  private final Duration staleLimit;
  private final ExecutorService pool;
  private final AtomicInteger stale = new AtomicInteger();
  private final MeterRegistry registry;
  private final Gauge gauge;

  public LoadCollector(
      List<LoadSource> sources, Duration timeout, Duration staleLimit, MeterRegistry registry) {
    for (int i = 0; i < sources.size(); i++) {
      this.sources.add(new Tracked(i, sources.get(i)));
    }
    this.timeout = timeout;
    this.staleLimit = staleLimit;
    this.registry = registry;
    this.pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "zeroscale-load-collector");
              t.setDaemon(true);
              return t;
            });
    this.gauge =
        Gauge.builder(STALE_SOURCES, stale, AtomicInteger::get)
            .description("Load sources not answering, counted with their last load")
            .register(registry);
  }

  /** The load per function over the last window, summed over every source. */
  public Map<FunctionKey, FunctionLoad> collect(Instant now) {
    Map<FunctionKey, FunctionLoad> sum = new HashMap<>();
    int staleNow = 0;
    for (Tracked source : sources) {
      Map<FunctionKey, FunctionLoad> seen = source.collect(now);
      if (source.staleSince != null) {
        staleNow++;
      }
      seen.forEach((key, load) -> sum.merge(key, load, FunctionLoad::plus));
    }
    stale.set(staleNow);
    return sum;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    registry.remove(gauge);
  }

  /** One source and what the collector remembers about it. */
  private final class Tracked {
    final int index;
    final LoadSource source;
    Future<Map<FunctionKey, FunctionLoad>> pending;
    Map<FunctionKey, FunctionLoad> last = Map.of();
    Instant staleSince;
    boolean givenUp;

    Tracked(int index, LoadSource source) {
      this.index = index;
      this.source = source;
    }

    Map<FunctionKey, FunctionLoad> collect(Instant now) {
      String failure;
      try {
        // A late answer to the previous call is used now (it covers its window); only a source
        // with no call under way is called again.
        if (pending == null) {
          pending = pool.submit(source::collect);
        }
        Map<FunctionKey, FunctionLoad> seen =
            pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending = null;
        answered();
        last = seen == null ? Map.of() : Map.copyOf(seen);
        return last;
      } catch (ExecutionException e) {
        pending = null;
        failure = String.valueOf(e.getCause());
      } catch (TimeoutException e) {
        failure = "no answer within " + timeout.toMillis() + "ms";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "interrupted";
      }
      return silent(now, failure);
    }

    private void answered() {
      if (staleSince != null) {
        LOG.infof("load source answers again source=%d", index);
      }
      staleSince = null;
      givenUp = false;
    }

    private Map<FunctionKey, FunctionLoad> silent(Instant now, String failure) {
      if (staleSince == null) {
        staleSince = now;
        LOG.warnf(
            "load source not answering source=%d error=\"%s\"; its last load counts for up to %s",
            index, failure, staleLimit);
      }
      if (Duration.between(staleSince, now).compareTo(staleLimit) <= 0) {
        return last;
      }
      if (!givenUp) {
        givenUp = true;
        LOG.warnf(
            "load source silent for more than %s source=%d; its load is left out until it answers",
            staleLimit, index);
      }
      return Map.of();
    }
  }
}
