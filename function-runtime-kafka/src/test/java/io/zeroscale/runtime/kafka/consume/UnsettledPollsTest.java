package io.zeroscale.runtime.kafka.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-flight bound: handled polls pile up to the limit, then the oldest is waited for. */
class UnsettledPollsTest {

  private final UnsettledPolls polls = new UnsettledPolls(10, Duration.ofMinutes(1));

  @Test
  void pollsWithinTheBoundDoNotWait() throws Exception {
    polls.add(new CompletableFuture<>(), 4);
    polls.add(new CompletableFuture<>(), 6);
    assertThat(polls.records()).isEqualTo(10);
  }

  @Test
  void settledPollsAreDroppedFromTheFront() throws Exception {
    CompletableFuture<Void> first = new CompletableFuture<>();
    polls.add(first, 6);
    first.complete(null);
    polls.add(new CompletableFuture<>(), 3);
    assertThat(polls.records()).isEqualTo(3);
  }

  @Test
  void aPollOverTheBoundWaitsUntilTheOldestSettles() throws Exception {
    CompletableFuture<Void> oldest = new CompletableFuture<>();
    polls.add(oldest, 6);
    AtomicBoolean added = new AtomicBoolean();
    Thread adder =
        new Thread(
            () -> {
              try {
                polls.add(new CompletableFuture<>(), 6);
                added.set(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    adder.start();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !added.get());
    oldest.complete(null);
    await().atMost(Duration.ofSeconds(10)).until(added::get);
    assertThat(polls.records()).isEqualTo(6);
    adder.join(10_000);
  }
}
