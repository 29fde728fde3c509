package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas drained and stopped while a steady stream runs: every request gets 200. The replicas
 * that stop are marked terminating first, finish their in-flight requests, then get SIGTERM.
 */
@QuarkusTest
class ScaleDownUnderLoadTest {

  private static final int CLIENTS = 3;
  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("steady");
  }

  @Test
  void scaleDownUnderASteadyStreamLosesNothing() throws Exception {
    platform.deploy("steady", "{minScale: 3, maxScale: 3, target: 100}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("steady") == 3);
    URI uri = platform.functionUri("steady", "/?sleepMs=30");

    AtomicBoolean running = new AtomicBoolean(true);
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      clients.submit(
          () -> {
            while (running.get()) {
              try {
                HttpResponse<String> r =
                    platform.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build());
                statuses.add(r.statusCode());
              } catch (Exception e) {
                statuses.add(-1);
              }
            }
            return null;
          });
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() > 30);
    // Lowering minScale changes no replica's workload: nothing restarts, the autoscaler scales in.
    platform.deploy(
        "steady", "{minScale: 0, maxScale: 3, target: 100, scaleToZeroGracePeriod: 60s}");
    await("the autoscaler drains and stops the replicas the load does not need")
        .atMost(Duration.ofSeconds(60))
        .until(() -> platform.ready("steady") == 1 && platform.desired("steady") == 1);
    int atScaleDown = statuses.size();
    await().atMost(Duration.ofSeconds(10)).until(() -> statuses.size() > atScaleDown + 30);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(statuses).isNotEmpty().allMatch(s -> s == 200, "every status is 200");
  }
}
