package io.zeroscale.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

/** JSON error answers of the data path: {@code {"error": ..., "hint": ...}}. */
public final class ErrorReply {

  /**
   * Longest a refused request's remaining body is read (and dropped) before its connection closes.
   */
  private static final long CLOSE_WAIT_MS = 1000;

  private ErrorReply() {}

  /**
   * Answers with a JSON error unless the response has started (then the stream is reset, the only
   * honest signal left). {@code retryAfter} > 0 adds {@code Retry-After}; {@code close} closes the
   * HTTP/1 connection afterwards (used when the request body was not read, and always when the
   * client waits for {@code 100 Continue}: it got a final answer instead, so whether it still sends
   * the body is its choice); on HTTP/2 only the stream ends, never the connection other requests
   * share.
   *
   * @return completes when the answer is written (or at once when nothing is left to send)
   */
  public static Future<Void> send(
      HttpServerRequest request,
      int status,
      String error,
      String hint,
      int retryAfter,
      boolean close) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    if (response.headWritten()) {
      response.reset();
      return Future.succeededFuture();
    }
    JsonObject body = new JsonObject().put("error", error);
    if (hint != null) {
      body.put("hint", hint);
    }
    response.headers().clear();
    response
        .setStatusCode(status)
        .setChunked(false)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (retryAfter > 0) {
      response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter));
    }
    boolean closeAfter = close || HopByHopHeaders.expectsContinue(request.headers());
    if (closeAfter && request.version() != HttpVersion.HTTP_2) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
      Future<Void> written = response.end(body.encode());
      // Close only once the request is read too (or after a short bound): closing a socket with
      // unread input makes the kernel send RST, and the client may then lose the answer above.
      Promise<Void> requestRead = Promise.promise();
      if (request.isEnded()) {
        requestRead.complete();
      } else {
        request.handler(chunk -> {}).endHandler(v -> requestRead.tryComplete());
        request.exceptionHandler(e -> requestRead.tryComplete());
        request.resume();
      }
      Vertx vertx = Vertx.currentContext() == null ? null : Vertx.currentContext().owner();
      if (vertx != null && !request.isEnded()) {
        long timer = vertx.setTimer(CLOSE_WAIT_MS, t -> requestRead.tryComplete());
        requestRead.future().onComplete(done -> vertx.cancelTimer(timer));
      }
      Future.all(written, requestRead.future()).onComplete(done -> request.connection().close());
      return written;
    }
    Future<Void> written = response.end(body.encode());
    // Drain (and drop) whatever body the client still sends, so the connection stays usable.
    request.resume();
    return written;
  }
}
