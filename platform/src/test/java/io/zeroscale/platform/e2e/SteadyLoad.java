package io.zeroscale.platform.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady stream of requests from a few closed-loop clients, recording every status (-1 for a
 * request that got no answer), until stopped. Used by the tests that change replicas under load.
 */
final class SteadyLoad implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService clients;

  SteadyLoad(PlatformClient platform, URI uri, int clientCount) {
    clients = Executors.newFixedThreadPool(clientCount);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    for (int c = 0; c < clientCount; c++) {
      clients.submit(
          () -> {
            while (running.get()) {
              try {
                statuses.add(platform.send(request).statusCode());
              } catch (Exception e) {
                statuses.add(-1);
              }
            }
            return null;
          });
    }
  }

  /** Requests answered so far (any status). */
  int answered() {
    return statuses.size();
  }

  /** Requests answered with 200 so far. */
  long ok() {
    return snapshot().stream().filter(s -> s == 200).count();
  }

  /** Requests that got anything but 200 so far. */
  long failed() {
    return snapshot().size() - ok();
  }

  List<Integer> snapshot() {
    synchronized (statuses) {
      return List.copyOf(statuses);
    }
  }

  /** Stops the clients and waits for their last requests. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    clients.shutdown();
    if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("load clients did not stop within 30 s");
    }
  }
}
