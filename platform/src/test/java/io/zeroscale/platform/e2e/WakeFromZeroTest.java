package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A burst at a function at zero: every request answered with its own body, then back to zero. */
@QuarkusTest
class WakeFromZeroTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("burst");
  }

  @Test
  void twoHundredConcurrentRequestsAtZeroAreAllAnsweredAndTheFunctionScalesOut() throws Exception {
    platform.deploy("burst", "{minScale: 0, maxScale: 4, target: 10, scaleToZeroGracePeriod: 3s}");
    assertThat(platform.desired("burst")).as("a new function starts at zero").isZero();

    URI uri = platform.functionUri("burst", "/work?sleepMs=300");
    AtomicInteger mostReady = new AtomicInteger();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(platform.post(uri, "request-" + i));
    }
    while (!CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).isDone()) {
      mostReady.accumulateAndGet(platform.ready("burst"), Math::max);
      Thread.sleep(50);
    }

    for (int i = 0; i < calls.size(); i++) {
      HttpResponse<String> response = calls.get(i).join();
      assertThat(response.statusCode())
          .as("status of request %d: %s", i, response.body())
          .isEqualTo(200);
      assertThat(response.body()).isEqualTo("POST /work request-" + i);
    }
    assertThat(mostReady.get()).as("replicas ready at the peak").isGreaterThan(1);

    await("back to zero after the grace period")
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> platform.desired("burst") == 0 && platform.ready("burst") == 0);
  }
}
