package io.zeroscale.autoscaler.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.LoadSources;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * <p>Every source is called at once, each on a thread of the pool, and the answers are awaited
 * against one deadline (the collection timeout); a source still busy with the previous call is not
 * called again (so a hung source holds one thread, never more), and its late answer is used at the
 * next collection.
 *
 * <p>Sources may come and go ({@link LoadSources}, e.g. the data-path pods a leader discovers). One
 * that is no longer listed is treated like a silent one: its last load counts for up to {@code
 * staleLimit} (a pod that vanished took its requests' load with it only once its successors show
 * it), then it is forgotten.
 */
public final class LoadCollector implements AutoCloseable {

  static final String STALE_SOURCES = "zeroscale.autoscaler.load.sources.stale";
  private static final Logger LOG = Logger.getLogger(LoadCollector.class);

  private final LoadSources sources;
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  private final Duration timeout;
  private final Duration staleLimit;
  private final ExecutorService pool;
  private final AtomicInteger stale = new AtomicInteger();
  private final MeterRegistry registry;
  private final Gauge gauge;

  public LoadCollector(
      List<LoadSource> sources, Duration timeout, Duration staleLimit, MeterRegistry registry) {
    this(LoadSources.of(sources), timeout, staleLimit, registry);
  }

  public LoadCollector(
      LoadSources sources, Duration timeout, Duration staleLimit, MeterRegistry registry) {
    this.sources = sources;
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
    Map<String, LoadSource> listed = listedSources();
    listed.forEach(
        (name, source) ->
            tracked.computeIfAbsent(name, n -> new Tracked(n, source)).listed(source));
    // Every source is called first, then each answer awaited against one deadline: a tick takes
    // at most one timeout however many sources hang (a lost node's pods, say).
    tracked.values().stream().filter(t -> listed.containsKey(t.name)).forEach(Tracked::call);
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<FunctionKey, FunctionLoad> sum = new HashMap<>();
    int staleNow = 0;
    for (Iterator<Tracked> it = tracked.values().iterator(); it.hasNext(); ) {
      Tracked source = it.next();
      Map<FunctionKey, FunctionLoad> seen =
          listed.containsKey(source.name) ? source.collect(now, deadline) : source.gone(now);
      if (source.forgotten) {
        LOG.infof("load source gone source=%s", source.name);
        it.remove();
        continue;
      }
      if (source.staleSince != null) {
        staleNow++;
      }
      seen.forEach((key, load) -> sum.merge(key, load, FunctionLoad::plus));
    }
    stale.set(staleNow);
    return sum;
  }

  /** The sources listed now; if listing fails, the ones known (each then answers or goes stale). */
  private Map<String, LoadSource> listedSources() {
    try {
      return sources.current();
    } catch (RuntimeException e) {
      LOG.warnf("listing the load sources failed error=\"%s\"; using the known ones", e);
      Map<String, LoadSource> known = new LinkedHashMap<>();
      tracked.forEach((name, source) -> known.put(name, source.source));
      return known;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    registry.remove(gauge);
  }

  /** One source and what the collector remembers about it. */
  private final class Tracked {
    final String name;
    LoadSource source;
    Future<Map<FunctionKey, FunctionLoad>> pending;
    Map<FunctionKey, FunctionLoad> last = Map.of();
    Instant staleSince;
    boolean givenUp;
    boolean forgotten;

    Tracked(String name, LoadSource source) {
      this.name = name;
      this.source = source;
    }

    /** The object listed under this name now (a re-made one replaces the old; state stays). */
    void listed(LoadSource now) {
      source = now;
    }

    /**
     * Calls the source unless a call is still under way (a late answer to the previous call is used
     * now: it covers its window; a hung source holds one thread, never more).
     */
    void call() {
      if (pending == null) {
        pending = pool.submit(source::collect);
      }
    }

    /** No longer listed: its last load counts like a silent source's, then it is forgotten. */
    Map<FunctionKey, FunctionLoad> gone(Instant now) {
      if (pending != null) {
        pending.cancel(true);
        pending = null;
      }
      Map<FunctionKey, FunctionLoad> load = silent(now, "no longer listed");
      forgotten = givenUp;
      return load;
    }

    Map<FunctionKey, FunctionLoad> collect(Instant now, long deadlineNanos) {
      String failure;
      try {
        call();
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        Map<FunctionKey, FunctionLoad> seen = pending.get(left, TimeUnit.NANOSECONDS);
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
        LOG.infof("load source answers again source=%s", name);
      }
      staleSince = null;
      givenUp = false;
    }

    private Map<FunctionKey, FunctionLoad> silent(Instant now, String failure) {
      if (staleSince == null) {
        staleSince = now;
        LOG.warnf(
            "load source not answering source=%s error=\"%s\"; its last load counts for up to %s",
            name, failure, staleLimit);
      }
      if (Duration.between(staleSince, now).compareTo(staleLimit) <= 0) {
        return last;
      }
      if (!givenUp) {
        givenUp = true;
        LOG.warnf(
            "load source silent for more than %s source=%s; its load is left out until it answers",
            staleLimit, name);
      }
      return Map.of();
    }
  }
}
