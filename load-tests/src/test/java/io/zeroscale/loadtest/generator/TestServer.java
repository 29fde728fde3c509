package io.zeroscale.loadtest.generator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP server for the generator's tests. Request {@code n} (from 1) is answered after {@code
 * delayMillis.applyAsInt(n)} ms with status {@code status.applyAsInt(n)}; it tracks the most
 * requests it held at once.
 */
final class TestServer implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  TestServer(IntUnaryOperator status, IntUnaryOperator delayMillis) {
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  int n = count.incrementAndGet();
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  Runnable answer =
                      () -> {
                        inFlight.decrementAndGet();
                        request.response().setStatusCode(status.applyAsInt(n)).end("ok");
                      };
                  int delay = delayMillis.applyAsInt(n);
                  if (delay > 0) {
                    vertx.setTimer(delay, id -> answer.run());
                  } else {
                    answer.run();
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
  }

  LoadTarget target() {
    return new LoadTarget("test", "127.0.0.1", server.actualPort(), "/");
  }

  int requests() {
    return count.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
