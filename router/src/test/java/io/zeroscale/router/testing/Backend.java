package io.zeroscale.router.testing;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a function replica. By default it answers {@code name:uri}
 * after reading the body; tests swap the handler. It counts concurrent and peak requests and keeps
 * the headers of every request.
 */
public final class Backend implements AutoCloseable {

  public final String name;
  private final HttpServer server;
  public final AtomicInteger active = new AtomicInteger();
  public final AtomicInteger peak = new AtomicInteger();
  public final AtomicInteger served = new AtomicInteger();
  public final List<MultiMap> headers = new CopyOnWriteArrayList<>();
  public final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private volatile Handler<HttpServerRequest> handler;

  private Backend(Vertx vertx, String name) throws Exception {
    this.name = name;
    this.handler = this::echoUri;
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(this::handle)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  public static Backend start(Vertx vertx, String name) throws Exception {
    return new Backend(vertx, name);
  }

  public int port() {
    return server.actualPort();
  }

  public Backend handler(Handler<HttpServerRequest> value) {
    handler = value;
    return this;
  }

  private void handle(HttpServerRequest request) {
    int now = active.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    headers.add(request.headers());
    // endHandler and closeHandler may both fire; count the request once.
    AtomicBoolean once = new AtomicBoolean();
    Handler<Void> done =
        v -> {
          if (once.compareAndSet(false, true)) {
            served.incrementAndGet();
            active.decrementAndGet();
          }
        };
    request.response().endHandler(done);
    request.response().closeHandler(done);
    handler.handle(request);
  }

  private void echoUri(HttpServerRequest request) {
    request.body().onSuccess(body -> request.response().end(name + ":" + request.uri()));
  }

  /** Answers after the test releases the request. */
  public void hold(HttpServerRequest request) {
    held.add(request);
  }

  public void releaseHeld() {
    for (HttpServerRequest request : held) {
      held.remove(request);
      request.response().end(name + ":" + request.uri());
    }
  }

  /** Streams the request body back. */
  public static void echoBody(HttpServerRequest request) {
    request.response().setChunked(true);
    request.pipeTo(request.response());
  }

  private static final java.util.List<java.net.Socket> HELD = new java.util.ArrayList<>();

  /**
   * A port that refuses connections for the rest of the test run: bound by a socket that never
   * listens, so no other server or outgoing connection can take it (a port merely found free can be
   * handed to someone else a moment later).
   */
  public static synchronized int refusingPort() {
    try {
      java.net.Socket socket = new java.net.Socket();
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      HELD.add(socket);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
