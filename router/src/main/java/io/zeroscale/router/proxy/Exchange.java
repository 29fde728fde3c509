package io.zeroscale.router.proxy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.Replica;
import java.util.ArrayList;
import java.util.List;

/**
 * One client request on its way through the data path: from the router, maybe through the
 * activator's queue, to a replica and back. Its mutable state is touched on the request's own
 * context only; other threads go through {@link #forward} and {@link #reject}, which hop onto it.
 */
public final class Exchange {

  private final HttpServerRequest request;
  private final Context context;
  private final FunctionRoute route;
  private final String uri;
  private final long startNanos;
  private final Forwarder forwarder;
  private volatile boolean finished;
  private Replica replica;
  private HttpClientRequest upstream;
  private long timerId = -1;
  private List<Replica> tried;
  private long bodyBytes;
  private long queuedSinceNanos;
  private long lastChunkNanos;

  Exchange(
      HttpServerRequest request,
      Context context,
      FunctionRoute route,
      String uri,
      Forwarder forwarder) {
    this.request = request;
    this.context = context;
    this.route = route;
    this.uri = uri;
    this.forwarder = forwarder;
    this.startNanos = System.nanoTime();
  }

  public FunctionRoute route() {
    return route;
  }

  public HttpServerRequest request() {
    return request;
  }

  Context context() {
    return context;
  }

  String uri() {
    return uri;
  }

  /** True once the client got its answer (or went away): nothing more will be sent. */
  public boolean finished() {
    return finished;
  }

  /** When the activator first queued it (System.nanoTime), 0 if never. */
  public long queuedSinceNanos() {
    return queuedSinceNanos;
  }

  /** Marks the first time the request is queued; later re-queues keep the first time. */
  public void markQueued() {
    if (queuedSinceNanos == 0) {
      queuedSinceNanos = System.nanoTime();
    }
  }

  /**
   * Forwards to a replica on which the caller reserved a slot with {@link FunctionRoute#acquire};
   * callable from any thread.
   */
  public void forward(Replica reserved) {
    context.runOnContext(v -> forwarder.forward(this, reserved));
  }

  /**
   * Answers with a JSON error; callable from any thread. The future completes once the answer is
   * written (or at once if the exchange had finished), so a shutdown can wait for it.
   */
  public Future<Void> reject(int status, String error, String hint, int retryAfterSeconds) {
    return reject(status, error, hint, retryAfterSeconds, false);
  }

  /**
   * As {@link #reject(int, String, String, int)}; {@code close} also closes an HTTP/1 connection.
   */
  public Future<Void> reject(
      int status, String error, String hint, int retryAfterSeconds, boolean close) {
    Promise<Void> written = Promise.promise();
    context.runOnContext(
        v -> fail(status, error, hint, retryAfterSeconds, close).onComplete(written));
    return written.future();
  }

  // ---- state, on the request's context only ----

  void hold(Replica value) {
    replica = value;
  }

  void releaseReplica() {
    if (replica != null) {
      Replica held = replica;
      replica = null;
      route.release(held);
    }
  }

  void upstream(HttpClientRequest value) {
    upstream = value;
  }

  List<Replica> tried() {
    if (tried == null) {
      tried = new ArrayList<>(2);
    }
    return tried;
  }

  /** Counts body bytes; returns the total. */
  long addBodyBytes(int n) {
    bodyBytes += n;
    return bodyBytes;
  }

  /** A chunk of the answer came from the replica. */
  void touch() {
    lastChunkNanos = System.nanoTime();
  }

  long lastChunkNanos() {
    return lastChunkNanos;
  }

  void timer(long id) {
    timerId = id;
  }

  boolean timerStarted() {
    return timerId != -1;
  }

  void cancelTimer() {
    if (timerId >= 0) {
      context.owner().cancelTimer(timerId);
      timerId = -2;
    }
  }

  /** The replica answered completely. */
  void complete(int status) {
    if (finished) {
      return;
    }
    finished = true;
    cancelTimer();
    releaseReplica();
    route.meters().record(status, startNanos);
  }

  /** Ends the exchange with a JSON error (or a reset if the answer has started). */
  Future<Void> fail(int status, String error, String hint, int retryAfter, boolean close) {
    if (finished) {
      return Future.succeededFuture();
    }
    finished = true;
    cancelTimer();
    resetUpstream();
    releaseReplica();
    Future<Void> written = ErrorReply.send(request, status, error, hint, retryAfter, close);
    route.meters().record(status, startNanos);
    return written;
  }

  /** The client closed its connection before the answer ended. */
  void clientGone(Handoff handoff) {
    if (finished) {
      return;
    }
    finished = true;
    cancelTimer();
    resetUpstream();
    releaseReplica();
    handoff.cancel(this);
    // 499 as nginx logs it: the client closed the request.
    route.meters().record(499, startNanos);
  }

  private void resetUpstream() {
    if (upstream != null) {
      upstream.reset();
      upstream = null;
    }
  }
}
