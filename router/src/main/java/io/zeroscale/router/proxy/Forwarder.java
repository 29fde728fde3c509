package io.zeroscale.router.proxy;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.Replica;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;

/**
 * The reverse proxy of one event loop: places a request on a replica, streams it both ways with
 * back-pressure, and turns failures into JSON answers (413, 502, 504) or a hand-off.
 *
 * <p>Written on Vert.x's {@link HttpClient} rather than vertx-http-proxy because the data path
 * needs control at points that library keeps inside: retrying another replica only while no byte
 * was written, giving a still-paused request back to the activator when no connection could be
 * made, JSON bodies for every error, counting a chunked body against the size limit, and releasing
 * the replica's slot exactly when the answer ends. It stays a thin layer over the same client.
 */
public final class Forwarder {

  private static final Logger LOG = Logger.getLogger(Forwarder.class);

  private final HttpClient client;
  private final RouterConfig config;
  private final Handoff handoff;
  private final long refusedBackoffNanos;

  public Forwarder(HttpClient client, RouterConfig config, Handoff handoff) {
    this.client = client;
    this.config = config;
    this.handoff = handoff;
    this.refusedBackoffNanos = config.refusedBackoff().toNanos();
  }

  /** Starts an exchange for a routed request; called on the request's context. */
  public void start(HttpServerRequest request, Context context, FunctionRoute route, String uri) {
    Exchange exchange = new Exchange(request, context, route, uri, this);
    route.load().arrived();
    request.response().closeHandler(v -> exchange.clientGone(handoff));
    // Requests already waiting go first (FIFO); otherwise try a replica with room.
    Replica replica = route.load().queued() > 0 ? null : route.acquire(null);
    if (replica == null) {
      handoff.accept(exchange);
    } else {
      forward(exchange, replica);
    }
  }

  /** Sends the exchange to a replica whose slot is reserved; on the exchange's context. */
  void forward(Exchange exchange, Replica replica) {
    exchange.hold(replica);
    if (exchange.finished()) {
      exchange.releaseReplica();
      return;
    }
    if (!exchange.timerStarted()) {
      long timeout = Math.max(1, exchange.route().timeoutMillis());
      exchange.timer(exchange.context().owner().setTimer(timeout, id -> timedOut(exchange)));
    }
    HttpServerRequest request = exchange.request();
    // No RequestOptions connect timeout: it would also bound the wait for a pooled connection and
    // make a busy pool look like a dead replica. TCP connects are bounded by the client's
    // connectTimeout; the whole wait by the function's timeout (the timer above, 504).
    RequestOptions options =
        new RequestOptions()
            .setHost(replica.host())
            .setPort(replica.port())
            .setMethod(request.method())
            .setURI(exchange.uri());
    client
        .request(options)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                send(exchange, ar.result());
              } else {
                connectFailed(exchange, replica, ar.cause());
              }
            });
  }

  /** Nothing was written: try another ready replica, else give the request to the activator. */
  private void connectFailed(Exchange exchange, Replica replica, Throwable cause) {
    // Only a failed TCP connect says the replica is gone or not listening; keep new requests off
    // it for a moment. Anything else (a closed pooled connection, say) is not the replica's fault.
    if (isConnectFailure(cause)) {
      replica.markRefused(refusedBackoffNanos);
    } else {
      LOG.debugf(
          "no connection to replica function=%s replica=%s cause=%s",
          exchange.route().key(), replica, cause);
    }
    exchange.releaseReplica();
    if (exchange.finished()) {
      return;
    }
    exchange.tried().add(replica);
    Replica next = exchange.route().acquire(exchange.tried());
    if (next != null) {
      forward(exchange, next);
      return;
    }
    // The activator's wait timeout governs from here; the response timeout restarts on forward.
    exchange.cancelTimer();
    exchange.timer(-1);
    exchange.tried().clear();
    handoff.accept(exchange);
  }

  static boolean isConnectFailure(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      // Netty's ConnectTimeoutException and AnnotatedConnectException extend ConnectException.
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private void send(Exchange exchange, HttpClientRequest upstream) {
    if (exchange.finished()) {
      upstream.reset();
      exchange.releaseReplica();
      return;
    }
    exchange.upstream(upstream);
    // Without a handler Vert.x logs upstream failures as context-free ERRORs; the response future
    // below turns them into the client's answer, so a DEBUG line with the function is enough.
    upstream.exceptionHandler(
        t -> LOG.debugf("upstream request failed function=%s cause=%s", exchange.route().key(), t));
    HttpServerRequest request = exchange.request();
    HopByHopHeaders.copy(request.headers(), upstream.headers());
    addForwardedHeaders(request, upstream);
    if (streamsBodyOfUnknownLength(request)) {
      upstream.setChunked(true);
    }
    upstream.response().onComplete(ar -> respond(exchange, ar.result(), ar.cause()));
    request.handler(
        chunk -> {
          if (exchange.finished()) {
            return;
          }
          if (exchange.addBodyBytes(chunk.length()) > config.maxBodyBytes()) {
            exchange.fail(
                413,
                "request body of function "
                    + exchange.route().key()
                    + " is larger than "
                    + config.maxBodyBytes()
                    + " bytes",
                "send a smaller body; the limit is the router's maxBodyBytes",
                0,
                true);
            return;
          }
          upstream.write(chunk);
          if (upstream.writeQueueFull()) {
            request.pause();
            upstream.drainHandler(v -> request.resume());
          }
        });
    request.endHandler(
        v -> {
          if (!exchange.finished()) {
            upstream.end();
          }
        });
    if (HopByHopHeaders.expectsContinue(request.headers())) {
      request.response().writeContinue();
    }
    request.resume();
  }

  /**
   * True when the body must go upstream chunked: the client sent it chunked, or (HTTP/2, where a
   * body needs no Content-Length) it may have one of unknown length. The router's server does not
   * speak h2c today, so the second case is for a future TLS listener.
   */
  private static boolean streamsBodyOfUnknownLength(HttpServerRequest request) {
    if (HopByHopHeaders.isChunked(request.headers())) {
      return true;
    }
    return request.version() == HttpVersion.HTTP_2
        && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)
        && request.method() != HttpMethod.GET
        && request.method() != HttpMethod.HEAD;
  }

  private static void addForwardedHeaders(HttpServerRequest request, HttpClientRequest upstream) {
    String client = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    if (client != null) {
      String previous = request.getHeader("x-forwarded-for");
      upstream
          .headers()
          .set("X-Forwarded-For", previous == null ? client : previous + ", " + client);
    }
    String host = request.getHeader(HttpHeaders.HOST);
    if (host != null) {
      upstream.headers().set("X-Forwarded-Host", host);
    }
    upstream
        .headers()
        .set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
  }

  private void respond(Exchange exchange, HttpClientResponse answer, Throwable failure) {
    if (exchange.finished()) {
      return;
    }
    if (failure != null) {
      exchange.fail(
          502,
          "replica of function " + exchange.route().key() + " failed: " + failure.getMessage(),
          "see the function's log: zeroscale logs " + exchange.route().key().name(),
          0,
          false);
      return;
    }
    // From the headers on, the function's timeout bounds each silence of the answer instead: a
    // replica that stalls mid-body (or a client that stops reading, which pauses the replica)
    // does not hold the replica's slot forever.
    exchange.cancelTimer();
    exchange.touch();
    armIdleTimer(exchange);
    HttpServerResponse response = exchange.request().response();
    response.setStatusCode(answer.statusCode());
    response.setStatusMessage(answer.statusMessage());
    HopByHopHeaders.copy(answer.headers(), response.headers());
    if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH)
        && mayHaveBody(exchange.request().method(), answer.statusCode())) {
      response.setChunked(true);
    }
    answer.handler(
        chunk -> {
          exchange.touch();
          response.write(chunk);
          if (response.writeQueueFull()) {
            answer.pause();
            response.drainHandler(v -> answer.resume());
          }
        });
    answer.exceptionHandler(
        t ->
            exchange.fail(
                502,
                "replica of function " + exchange.route().key() + " broke off its answer",
                null,
                0,
                false));
    answer.endHandler(
        v -> {
          if (!exchange.finished()) {
            response.end();
            exchange.complete(answer.statusCode());
          }
        });
  }

  private static boolean mayHaveBody(HttpMethod method, int status) {
    return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
  }

  private void armIdleTimer(Exchange exchange) {
    long timeoutNanos = Math.max(1, exchange.route().timeoutMillis()) * 1_000_000;
    long left = timeoutNanos - (System.nanoTime() - exchange.lastChunkNanos());
    long delayMillis = Math.max(1, (left + 999_999) / 1_000_000);
    exchange.timer(
        exchange
            .context()
            .owner()
            .setTimer(
                delayMillis,
                id -> {
                  exchange.timer(-2);
                  if (exchange.finished()) {
                    return;
                  }
                  if (System.nanoTime() - exchange.lastChunkNanos() < timeoutNanos) {
                    armIdleTimer(exchange);
                  } else {
                    idleTimedOut(exchange);
                  }
                }));
  }

  /** The answer started but nothing came for the function's timeout: reset both sides. */
  private void idleTimedOut(Exchange exchange) {
    exchange.fail(
        504,
        "function "
            + exchange.route().key()
            + " sent nothing for its timeout of "
            + exchange.route().timeoutMillis()
            + " ms in the middle of its answer",
        null,
        0,
        false);
  }

  private void timedOut(Exchange exchange) {
    exchange.timer(-2);
    exchange.fail(
        504,
        "function "
            + exchange.route().key()
            + " did not answer within its timeout of "
            + exchange.route().timeoutMillis()
            + " ms",
        "raise spec.timeout or look at the function: zeroscale logs "
            + exchange.route().key().name(),
        0,
        false);
  }
}
