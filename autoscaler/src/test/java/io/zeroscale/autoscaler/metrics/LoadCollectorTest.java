package io.zeroscale.autoscaler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadCollectorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CountDownLatch never = new CountDownLatch(1);
  private LoadCollector collector;

  @AfterEach
  void close() {
    never.countDown();
    if (collector != null) {
      collector.close();
    }
  }

  /** A source whose answer the test switches: a load, a failure, or no answer at all. */
  private final class Switchable implements LoadSource {
    final AtomicReference<Object> next = new AtomicReference<>();

    @Override
    public Map<FunctionKey, FunctionLoad> collect() {
      Object n = next.get();
      if (n instanceof RuntimeException e) {
        throw e;
      }
      if (n == never) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Map.of();
      }
      return n == null ? Map.of() : Map.of(HELLO, (FunctionLoad) n);
    }
  }

  @Test
  void sumsEverySourcePerFunction() {
    Switchable router = new Switchable();
    Switchable activator = new Switchable();
    router.next.set(new FunctionLoad(HELLO, 14, 14, 0, 100));
    activator.next.set(new FunctionLoad(HELLO, 6, 0, 15, 5));
    collector =
        new LoadCollector(
            List.of(router, activator), Duration.ofMillis(500), Duration.ofSeconds(10), registry);

    assertThat(collector.collect(T0).get(HELLO))
        .isEqualTo(new FunctionLoad(HELLO, 20, 14, 15, 105));
  }

  @Test
  void aFailingSourceCountsWithItsLastLoadForABoundedTime() {
    Switchable router = new Switchable();
    router.next.set(new FunctionLoad(HELLO, 30, 30, 0, 100));
    collector =
        new LoadCollector(
            List.of(router), Duration.ofMillis(500), Duration.ofSeconds(10), registry);
    collector.collect(T0);

    router.next.set(new IllegalStateException("connection refused"));
    assertThat(collector.collect(T0.plusSeconds(2)).get(HELLO).averageConcurrency())
        .as("not read as zero load")
        .isEqualTo(30);
    assertThat(staleGauge()).isEqualTo(1);
    assertThat(collector.collect(T0.plusSeconds(13))).as("silent past the limit").isEmpty();

    router.next.set(new FunctionLoad(HELLO, 5, 5, 0, 10));
    assertThat(collector.collect(T0.plusSeconds(15)).get(HELLO).averageConcurrency()).isEqualTo(5);
    assertThat(staleGauge()).isZero();
  }

  @Test
  void aSourceThatDoesNotAnswerIsTreatedLikeAFailingOne() {
    Switchable router = new Switchable();
    router.next.set(new FunctionLoad(HELLO, 30, 30, 0, 100));
    collector =
        new LoadCollector(
            List.of(router), Duration.ofMillis(100), Duration.ofSeconds(10), registry);
    collector.collect(T0);

    router.next.set(never);
    assertThat(collector.collect(T0.plusSeconds(2)).get(HELLO).averageConcurrency()).isEqualTo(30);
    assertThat(collector.collect(T0.plusSeconds(4)).get(HELLO).averageConcurrency())
        .as("still hung: not called again, last load used")
        .isEqualTo(30);
    assertThat(staleGauge()).isEqualTo(1);
  }

  @Test
  void sourcesComeAndGoAndOneNoLongerListedCountsLikeASilentOne() {
    Switchable podA = new Switchable();
    Switchable podB = new Switchable();
    podA.next.set(new FunctionLoad(HELLO, 8, 8, 0, 40));
    podB.next.set(new FunctionLoad(HELLO, 2, 2, 0, 10));
    AtomicReference<Map<String, LoadSource>> listed =
        new AtomicReference<>(Map.of("10.0.0.1", podA));
    collector =
        new LoadCollector(listed::get, Duration.ofMillis(500), Duration.ofSeconds(10), registry);

    assertThat(collector.collect(T0).get(HELLO).averageConcurrency()).isEqualTo(8);

    listed.set(Map.of("10.0.0.1", podA, "10.0.0.2", podB));
    assertThat(collector.collect(T0.plusSeconds(2)).get(HELLO).averageConcurrency())
        .as("a pod that joined is summed")
        .isEqualTo(10);

    listed.set(Map.of("10.0.0.2", podB));
    assertThat(collector.collect(T0.plusSeconds(4)).get(HELLO).averageConcurrency())
        .as("a pod no longer listed counts with its last load")
        .isEqualTo(10);
    assertThat(staleGauge()).isEqualTo(1);
    assertThat(collector.collect(T0.plusSeconds(15)).get(HELLO).averageConcurrency())
        .as("and is forgotten after the stale limit")
        .isEqualTo(2);
    assertThat(staleGauge()).isZero();
  }

  @Test
  void everySourceIsCalledBeforeAnyIsAwaited() {
    // Each answers only once all four have been called: awaited one after another, the first
    // would time out before the others were called, and all four would count as silent.
    java.util.concurrent.CyclicBarrier allCalled = new java.util.concurrent.CyclicBarrier(4);
    List<LoadSource> sources = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sources.add(
          () -> {
            try {
              allCalled.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("not all sources were called", e);
            }
            return Map.of(HELLO, new FunctionLoad(HELLO, 1, 1, 0, 1));
          });
    }
    collector = new LoadCollector(sources, Duration.ofSeconds(2), Duration.ofSeconds(10), registry);

    assertThat(collector.collect(T0).get(HELLO).averageConcurrency()).isEqualTo(4);
    assertThat(staleGauge()).isZero();
  }

  @Test
  void aListingThatFailsKeepsTheKnownSources() {
    Switchable pod = new Switchable();
    pod.next.set(new FunctionLoad(HELLO, 3, 3, 0, 9));
    AtomicReference<RuntimeException> listingFails = new AtomicReference<>();
    collector =
        new LoadCollector(
            () -> {
              if (listingFails.get() != null) {
                throw listingFails.get();
              }
              return Map.of("10.0.0.1", pod);
            },
            Duration.ofMillis(500),
            Duration.ofSeconds(10),
            registry);
    collector.collect(T0);

    listingFails.set(new IllegalStateException("informer not synced"));
    pod.next.set(new FunctionLoad(HELLO, 5, 5, 0, 9));

    assertThat(collector.collect(T0.plusSeconds(2)).get(HELLO).averageConcurrency())
        .as("the known pod is still read")
        .isEqualTo(5);
  }

  private double staleGauge() {
    return registry.get(LoadCollector.STALE_SOURCES).gauge().value();
  }
}
