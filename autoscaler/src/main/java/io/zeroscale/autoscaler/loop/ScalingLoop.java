package io.zeroscale.autoscaler.loop;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.LoadSources;
import io.zeroscale.api.stats.ScalePoke;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.decider.ConcurrencyDecider;
import io.zeroscale.autoscaler.decider.Decider;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import io.zeroscale.autoscaler.kafka.LagReading;
import io.zeroscale.autoscaler.metrics.LoadCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Scales every function in the catalog: each tick it collects the load from the data path (summed
 * over all {@link LoadSource}s by a {@link LoadCollector}), adds it to the function's concurrency
 * window, asks the {@link Decider} with the stable and panic averages, the backlog and the measured
 * cold start, and calls {@link Orchestrator#scale} when the decision differs from the current
 * desired count. A {@link #poke} decides for one function at once, so a request waiting at zero
 * does not wait for the next tick. Each applied decision is logged with its reason and counted;
 * panic entries and exits are logged once each.
 *
 * <p>For a function with a Kafka trigger the loop also follows its consumer group's lag ({@link
 * io.zeroscale.autoscaler.kafka.KafkaLag}): each tick starts an asynchronous read and decides with
 * the latest completed one, and a read that finds lag for a function at zero decides for it at once
 * (Kafka has no activator to poke). {@link #triggerStatus} tells whether the lag can be read, and
 * what to fix when not.
 *
 * <p>Everything runs on one thread of its own: catalog events, ticks and pokes are queued to it,
 * never run on the caller's thread, and the per-function state needs no locks. Orchestrator calls
 * may block that thread briefly (they are documented as possibly blocking).
 */
public final class ScalingLoop implements ScalePoke, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ScalingLoop.class);

  private final AutoscalerConfig config;
  private final FunctionCatalog catalog;
  private final Orchestrator orchestrator;
  private final LoadCollector collector;
  private final KafkaTriggers kafka;
  private final Decider decider;
  private final MeterRegistry registry;
  private final Clock clock;
  private final ScheduledExecutorService thread;

  /** Loop thread only. */
  private final Map<FunctionKey, TrackedFunction> functions = new HashMap<>();

  private final PendingPokes pendingPokes = new PendingPokes();

  private AutoCloseable catalogWatch;

  /** A loop with the first-cut {@link ConcurrencyDecider} on the system clock. */
  public ScalingLoop(
      AutoscalerConfig config,
      FunctionCatalog catalog,
      Orchestrator orchestrator,
      LoadSources sources,
      MeterRegistry registry) {
    this(
        config,
        catalog,
        orchestrator,
        sources,
        new ConcurrencyDecider(),
        registry,
        Clock.systemUTC());
  }

  public ScalingLoop(
      AutoscalerConfig config,
      FunctionCatalog catalog,
      Orchestrator orchestrator,
      List<LoadSource> sources,
      Decider decider,
      MeterRegistry registry,
      Clock clock) {
    this(config, catalog, orchestrator, LoadSources.of(sources), decider, registry, clock);
  }

  public ScalingLoop(
      AutoscalerConfig config,
      FunctionCatalog catalog,
      Orchestrator orchestrator,
      LoadSources sources,
      Decider decider,
      MeterRegistry registry,
      Clock clock) {
    this.config = config;
    this.catalog = catalog;
    this.orchestrator = orchestrator;
    this.collector =
        new LoadCollector(sources, config.collectTimeout(), config.staleLoadLimit(), registry);
    this.decider = decider;
    this.registry = registry;
    this.clock = clock;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "zeroscale-autoscaler");
              t.setDaemon(true);
              return t;
            });
    this.kafka = new KafkaTriggers(config, registry, clock, key -> submit(() -> lagArrived(key)));
  }

  /** Starts following the catalog and ticking. */
  public synchronized void start() {
    if (catalogWatch != null) {
      throw new IllegalStateException("the scaling loop is already started");
    }
    catalogWatch =
        catalog.watch(
            new FunctionCatalog.Listener() {
              @Override
              public void onUpsert(Function function) {
                submit(() -> track(function));
              }

              @Override
              public void onDelete(FunctionKey key) {
                submit(() -> forget(key));
              }
            });
    long tickMillis = config.tickInterval().toMillis();
    thread.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    LOG.infof(
        "autoscaler started tick=%dms staleLoadLimit=%s defaults=%s",
        tickMillis, config.staleLoadLimit(), config.scaling());
  }

  /**
   * Requests wait for {@code key}: decide for it now, on the loop's thread. Repeated pokes before
   * that decision runs are folded into one, with the largest queue length seen.
   */
  @Override
  public void poke(FunctionKey key, int queued) {
    // Only the poke that found no pending entry schedules a decision; later ones fold into it.
    if (pendingPokes.add(key, queued)) {
      submit(() -> handlePoke(key));
    }
  }

  private void handlePoke(FunctionKey key) {
    Integer queued = pendingPokes.take(key);
    TrackedFunction tracked = functions.get(key);
    if (tracked == null) {
      // A request can outrun the catalog event (deploy, then call at once): look it up rather
      // than make the request wait for the next tick.
      catalog.get(key).ifPresent(this::track);
      tracked = functions.get(key);
    }
    if (tracked == null) {
      LOG.debugf("poke for a function not in the catalog ignored function=%s", key);
      return;
    }
    FunctionLoad last = tracked.lastLoad;
    // The poke's queue length is fresher than the last tick's; the averages are the windows'.
    int waiting = Math.max(1, queued == null ? last.queued() : queued);
    FunctionLoad load =
        new FunctionLoad(key, last.averageConcurrency(), last.inFlight(), waiting, last.requests());
    decide(tracked, load, "poke", clock.instant());
  }

  /**
   * Whether the lag of {@code key}'s Kafka trigger can be read (for a {@code TriggerReady}
   * condition); empty for a function without a Kafka trigger and before the first read completed.
   * Any thread.
   */
  public Optional<TriggerStatus> triggerStatus(FunctionKey key) {
    return kafka.status(key);
  }

  /**
   * Called with a function's trigger status each time it changes (the first read included), on a
   * Kafka client thread: the listener must return quickly and not block.
   */
  public void onTriggerStatusChange(BiConsumer<FunctionKey, TriggerStatus> listener) {
    kafka.onStatusChange(listener);
  }

  /** A read found lag for {@code key}: a function at zero is decided now, not at the next tick. */
  private void lagArrived(FunctionKey key) {
    TrackedFunction tracked = functions.get(key);
    if (tracked != null && tracked.lastDesired == 0) {
      decide(tracked, tracked.lastLoad, "lag", clock.instant());
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (catalogWatch != null) {
        try {
          catalogWatch.close();
        } catch (Exception e) {
          LOG.warnf(e, "closing the catalog watch failed");
        }
      }
    }
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    collector.close();
    kafka.close();
    functions.values().forEach(f -> f.metrics.remove());
    LOG.info("autoscaler stopped");
  }

  private void submit(Runnable task) {
    try {
      thread.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.errorf(e, "autoscaler task failed; it continues with the next event");
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("autoscaler is stopped; event dropped");
    }
  }

  private void track(Function function) {
    FunctionKey key = function.key();
    kafka.follow(function);
    TrackedFunction tracked = functions.get(key);
    if (tracked != null) {
      tracked.function = function;
      return;
    }
    // The backend may have restored a desired scale (platform restart): start from it.
    int desired = orchestrator.currentScale(key).desired();
    Instant now = clock.instant();
    functions.put(
        key,
        new TrackedFunction(
                function,
                DeciderState.firstSeen(now),
                new ScalerMetrics(registry, key, desired),
                now)
            .initialDesired(desired));
    LOG.infof("function tracked function=%s desired=%d", key, desired);
  }

  private void forget(FunctionKey key) {
    kafka.unfollow(key);
    TrackedFunction tracked = functions.remove(key);
    if (tracked != null) {
      tracked.metrics.remove();
      LOG.infof("function forgotten function=%s", key);
    }
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      kafka.refresh(); // starts reads only; this tick decides with the latest completed ones
      Map<FunctionKey, FunctionLoad> loads = collector.collect(now);
      for (TrackedFunction tracked : functions.values()) {
        FunctionLoad load = loads.getOrDefault(tracked.key, FunctionLoad.idle(tracked.key));
        Duration span = Duration.between(tracked.lastSampleAt, now);
        tracked.window.record(now, span, load.averageConcurrency());
        tracked.lastSampleAt = now;
        tracked.lastLoad = load;
        decide(tracked, load, "tick", now);
      }
    } catch (RuntimeException e) {
      // A failed tick must not cancel the schedule (an exception would stop it for good).
      LOG.errorf(e, "autoscaler tick failed; retrying at the next tick");
    }
  }

  private void decide(TrackedFunction tracked, FunctionLoad load, String trigger, Instant now) {
    FunctionKey key = tracked.key;
    try {
      Orchestrator.Scale scale = orchestrator.currentScale(key);
      ScalingPolicy policy =
          ScalingPolicy.resolve(
              key, tracked.function.spec(), config.scaling(), config.kafkaLagScaleDownHold());
      // The cold start is timed when the ready count was read, not when the tick began.
      Instant seen = clock.instant();
      tracked.coldStart.observe(seen, scale.desired(), scale.ready());
      LagReading lag = kafka.reading(key, now);
      ScaleInputs inputs = DecisionInputs.of(tracked, policy, scale, load, lag, now);
      Decision decision = decider.decide(policy, inputs, tracked.state, now);
      tracked.state = decision.state();
      if (decision.mode() != tracked.mode) {
        tracked.mode = decision.mode();
        DecisionLog.modeChanged(key, decision.mode(), inputs);
      }
      tracked.metrics.decided(inputs, decision.desired(), decision.mode(), inputs.coldStart());
      tracked.lastDesired = decision.desired();
      if (decision.changes(scale.desired())) {
        orchestrator.scale(key, decision.desired());
        tracked.metrics.applied(scale.desired(), decision.desired());
        DecisionLog.applied(key, scale, decision, trigger);
      }
      tracked.coldStart.observe(seen, decision.desired(), scale.ready());
    } catch (RuntimeException e) {
      LOG.errorf(
          e,
          "scaling failed function=%s trigger=%s; the autoscaler retries at the next tick",
          key,
          trigger);
    }
  }
}
