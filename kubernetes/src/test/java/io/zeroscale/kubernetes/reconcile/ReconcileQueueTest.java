package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.FunctionKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcileQueueTest {

  private static final FunctionKey A = FunctionKey.of("default", "a");
  private static final FunctionKey B = FunctionKey.of("default", "b");

  @Test
  void eventsForAKeyThatWaitsFoldIntoOneRunAndOneArrivingDuringARunQueuesExactlyOneMore()
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<FunctionKey> runs = new CopyOnWriteArrayList<>();
    try (ReconcileQueue queue =
        new ReconcileQueue(
            key -> {
              runs.add(key);
              if (runs.size() == 1) {
                waitFor(release);
              }
            },
            Duration.ofMillis(1),
            Duration.ofMillis(10))) {
      queue.enqueue(A);
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 1);
      // A runs (blocked); three more events for A and one for B arrive meanwhile.
      queue.enqueue(A);
      queue.enqueue(A);
      queue.enqueue(B);
      queue.enqueue(A);
      release.countDown();

      await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 3);
      Thread.sleep(100); // nothing else may come: give a wrong extra run the chance to show
      assertThat(runs).containsExactly(A, A, B);
    }
  }

  @Test
  void aFailedRunIsRetriedUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    try (ReconcileQueue queue =
        new ReconcileQueue(
            key -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("API server unavailable");
              }
            },
            Duration.ofMillis(1),
            Duration.ofMillis(10))) {
      queue.enqueue(A);

      await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 3);
    }
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
