package io.zeroscale.autoscaler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.testing.InMemoryCatalog;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.decider.ConcurrencyDecider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScalingLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration FAST_TICK = Duration.ofMillis(20);
  private static final Duration NEVER_TICKS = Duration.ofHours(1);

  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final RecordingOrchestrator orchestrator = new RecordingOrchestrator();
  private final SettableLoadSource router = new SettableLoadSource();
  private final SettableLoadSource activator = new SettableLoadSource();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
  private final FunctionKey hello = FunctionKey.of("default", "hello");
  private ScalingLoop loop;

  @AfterEach
  void stop() {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  void pokeWakesFromZeroWithoutWaitingForATick() {
    catalog.put(function("hello", 10, "30s"));
    start(NEVER_TICKS);

    loop.poke(hello, 23);

    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 3);
    assertThat(orchestrator.scaleCalls)
        .containsExactly(new RecordingOrchestrator.ScaleCall(hello, 3));
  }

  @Test
  void pokeForAFunctionWhoseCatalogEventHasNotArrivedYetStillWakesIt() {
    // A catalog whose watch has not delivered yet: the function exists, the loop has not seen it.
    FunctionCatalog lagging =
        new FunctionCatalog() {
          @Override
          public List<Function> list() {
            return catalog.list();
          }

          @Override
          public Optional<Function> get(FunctionKey key) {
            return catalog.get(key);
          }

          @Override
          public Function put(Function function) {
            return catalog.put(function);
          }

          @Override
          public boolean delete(FunctionKey key) {
            return catalog.delete(key);
          }

          @Override
          public void updateStatus(FunctionKey key, FunctionStatus s) {}

          @Override
          public AutoCloseable watch(Listener listener) {
            return () -> {};
          }
        };
    catalog.put(function("hello", 10, "30s"));
    loop =
        new ScalingLoop(
            new AutoscalerConfig(NEVER_TICKS),
            lagging,
            orchestrator,
            List.of(router, activator),
            new ConcurrencyDecider(),
            registry,
            clock);
    loop.start();

    loop.poke(hello, 1);

    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 1);
  }

  @Test
  void pokesWhileADecisionRunsAreFoldedIntoOne() throws Exception {
    catalog.put(function("hello", 10, "30s"));
    CountDownLatch firstScaleEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger decisions = new AtomicInteger();
    RecordingOrchestrator slow =
        new RecordingOrchestrator() {
          @Override
          public Scale currentScale(FunctionKey key) {
            decisions.incrementAndGet();
            return super.currentScale(key);
          }

          @Override
          public void scale(FunctionKey key, int replicas) {
            super.scale(key, replicas);
            firstScaleEntered.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    loop = newLoop(NEVER_TICKS, slow);
    loop.start();
    loop.poke(hello, 1);
    assertThat(firstScaleEntered.await(10, TimeUnit.SECONDS)).isTrue();
    decisions.set(0);

    for (int i = 2; i <= 50; i++) {
      loop.poke(hello, i);
    }
    release.countDown();

    await().atMost(WAIT).until(() -> slow.desired(hello) == 5);
    assertThat(decisions).as("decisions after 49 pokes during a busy loop").hasValue(1);
    assertThat(slow.scaleCalls)
        .extracting(RecordingOrchestrator.ScaleCall::replicas)
        .containsExactly(1, 5);
  }

  @Test
  void pokeRunsOnTheLoopThreadNotTheCaller() {
    catalog.put(function("hello", 10, "30s"));
    CountDownLatch scaled = new CountDownLatch(1);
    String[] scalingThread = new String[1];
    RecordingOrchestrator watching =
        new RecordingOrchestrator() {
          @Override
          public void scale(FunctionKey key, int replicas) {
            scalingThread[0] = Thread.currentThread().getName();
            super.scale(key, replicas);
            scaled.countDown();
          }
        };
    loop = newLoop(NEVER_TICKS, watching);
    loop.start();

    loop.poke(hello, 1);

    await().atMost(WAIT).until(() -> scaled.getCount() == 0);
    assertThat(scalingThread[0]).isEqualTo("zeroscale-autoscaler");
  }

  @Test
  void addsReplicasForConcurrencySummedOverSources() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 1);
    router.set(new FunctionLoad(hello, 14.0, 14, 0, 100));
    activator.set(new FunctionLoad(hello, 6.0, 0, 15, 5));
    start(FAST_TICK);

    // max(14 + 6 concurrency, 14 in flight + 15 queued) = 29 over target 10
    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 3);
  }

  @Test
  void idleFunctionReturnsToZeroAfterGracePeriod() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 1);
    router.set(new FunctionLoad(hello, 1.0, 1, 0, 10));
    start(FAST_TICK);
    awaitTicks(3);

    router.clear();
    awaitTicks(3);
    assertThat(orchestrator.desired(hello)).as("within the grace period").isEqualTo(1);

    clock.advance(Duration.ofSeconds(31));
    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 0);
    assertThat(counter("down")).isEqualTo(1.0);
    assertThat(gauge()).isZero();
  }

  @Test
  void restoredScaleIsTheStartingPointNotZero() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 4);
    router.set(new FunctionLoad(hello, 35.0, 35, 0, 100));
    start(FAST_TICK);

    awaitTicks(3);

    assertThat(orchestrator.scaleCalls).as("4 replicas already fit 35 in flight").isEmpty();
    assertThat(gauge()).isEqualTo(4.0);
  }

  @Test
  void functionsDeletedFromTheCatalogAreForgotten() {
    catalog.put(function("hello", 10, "30s"));
    start(FAST_TICK);
    loop.poke(hello, 1);
    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 1);
    assertThat(registry.find(ScalerMetrics.DESIRED_REPLICAS).gauges()).hasSize(1);

    catalog.delete(hello);
    await()
        .atMost(WAIT)
        .until(() -> registry.find(ScalerMetrics.DESIRED_REPLICAS).gauges().isEmpty());
    int callsBefore = orchestrator.scaleCalls.size();
    loop.poke(hello, 100);
    router.set(new FunctionLoad(hello, 100.0, 100, 0, 100));
    awaitTicks(3);

    assertThat(orchestrator.scaleCalls).hasSize(callsBefore);
    assertThat(registry.find(ScalerMetrics.SCALE_DECISIONS).counters()).isEmpty();
  }

  @Test
  void specChangesApplyAtTheNextDecision() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 1);
    router.set(new FunctionLoad(hello, 20.0, 20, 0, 100));
    start(FAST_TICK);
    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 2);

    catalog.put(function("hello", 5, "30s"));

    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 4);
    assertThat(counter("up")).isEqualTo(2.0);
  }

  @Test
  void aFailingLoadSourceDoesNotStopTheLoop() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 1);
    router.set(new FunctionLoad(hello, 30.0, 30, 0, 100));
    loop =
        new ScalingLoop(
            new AutoscalerConfig(FAST_TICK),
            catalog,
            orchestrator,
            List.of(
                () -> {
                  throw new IllegalStateException("boom");
                },
                router),
            new ConcurrencyDecider(),
            registry,
            clock);
    loop.start();

    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 3);
  }

  @Test
  void aBurstAgainstAFullFunctionEntersPanicAtTheNextTickAndCountsIt() {
    catalog.put(function("hello", 10, "30s"));
    orchestrator.restore(hello, 1);
    router.set(new FunctionLoad(hello, 5.0, 5, 0, 10));
    start(FAST_TICK);
    awaitTicks(2);
    assertThat(gauge(ScalerMetrics.PANIC)).isZero();

    // 10 in flight on the one replica, 40 more waiting in the activator.
    router.set(new FunctionLoad(hello, 10.0, 10, 0, 50));
    activator.set(new FunctionLoad(hello, 20.0, 0, 40, 40));

    await().atMost(WAIT).until(() -> orchestrator.desired(hello) == 5);
    assertThat(gauge(ScalerMetrics.PANIC)).isEqualTo(1.0);
    assertThat(
            registry
                .get(ScalerMetrics.PANIC_ENTRIES)
                .tags("namespace", "default", "function", "hello")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(gauge(ScalerMetrics.READY_REPLICAS)).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void coldStartIsMeasuredFromTheBackendAndDelaysTheLastReplicasStop() {
    catalog.put(function("hello", 10, "1s"));
    SlowOrchestrator slow = new SlowOrchestrator();
    loop = newLoop(FAST_TICK, slow);
    loop.start();
    loop.poke(hello, 1);
    await().atMost(WAIT).until(() -> slow.desired(hello) == 1);

    // Requests keep it active while its replica starts; it is ready 5 s after it was asked for.
    router.set(new FunctionLoad(hello, 1.0, 1, 0, 1));
    awaitTicks(2);
    clock.advance(Duration.ofSeconds(5));
    slow.ready = 1;
    await().atMost(WAIT).until(() -> gauge(ScalerMetrics.COLD_START) == 5.0);
    router.clear();
    awaitTicks(2);

    // Idle for 3 s: past the 1 s grace period, within the 5 s measured cold start.
    clock.advance(Duration.ofSeconds(3));
    awaitTicks(3);
    assertThat(slow.desired(hello)).as("kept while idle < measured cold start").isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    await().atMost(WAIT).until(() -> slow.desired(hello) == 0);
  }

  @Test
  void aSilentLoadSourceIsCountedAsStale() {
    catalog.put(function("hello", 10, "30s"));
    AtomicInteger calls = new AtomicInteger();
    loop =
        new ScalingLoop(
            new AutoscalerConfig(FAST_TICK),
            catalog,
            orchestrator,
            List.of(
                () -> {
                  if (calls.incrementAndGet() > 2) {
                    throw new IllegalStateException("router gone");
                  }
                  return java.util.Map.of(hello, new FunctionLoad(hello, 30.0, 30, 0, 100));
                }),
            new ConcurrencyDecider(),
            registry,
            clock);
    orchestrator.restore(hello, 1);
    loop.start();

    await().atMost(WAIT).until(() -> calls.get() > 4);
    assertThat(registry.get("zeroscale.autoscaler.load.sources.stale").gauge().value())
        .isEqualTo(1.0);
    // The clock stands still, so the windows are empty: the 30 in flight alone ask for 3.
    assertThat(orchestrator.desired(hello)).as("its last load still counts").isEqualTo(3);
  }

  /** Replicas become ready only when the test says so. */
  private static final class SlowOrchestrator extends RecordingOrchestrator {
    volatile int ready;

    @Override
    public Scale currentScale(FunctionKey key) {
      return new Scale(desired(key), Math.min(ready, desired(key)));
    }
  }

  private void start(Duration tick) {
    loop = newLoop(tick, orchestrator);
    loop.start();
  }

  private ScalingLoop newLoop(Duration tick, RecordingOrchestrator o) {
    return new ScalingLoop(
        new AutoscalerConfig(tick),
        catalog,
        o,
        List.of(router, activator),
        new ConcurrencyDecider(),
        registry,
        clock);
  }

  /** Waits until the loop has collected load {@code n} more times. */
  private void awaitTicks(int n) {
    int start = router.collections();
    await().atMost(WAIT).until(() -> router.collections() >= start + n);
  }

  private double counter(String direction) {
    var c =
        registry
            .find(ScalerMetrics.SCALE_DECISIONS)
            .tags("namespace", "default", "function", "hello", "direction", direction)
            .counter();
    return c == null ? 0 : c.count();
  }

  private double gauge() {
    return gauge(ScalerMetrics.DESIRED_REPLICAS);
  }

  private double gauge(String name) {
    return registry.get(name).tags("namespace", "default", "function", "hello").gauge().value();
  }

  private static Function function(String name, int target, String grace) {
    return Function.of(
        ObjectMeta.of("default", name),
        new FunctionSpec(
            null,
            List.of("true"),
            null,
            null,
            null,
            null,
            null,
            new ScalingSpec(0, 5, target, 0, grace)));
  }
}
