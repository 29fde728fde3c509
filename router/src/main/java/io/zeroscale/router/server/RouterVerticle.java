package io.zeroscale.router.server;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.proxy.ErrorReply;
import io.zeroscale.router.proxy.Forwarder;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.RequestTarget;
import io.zeroscale.router.route.RoutingTable;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the router: an HTTP server (the port is shared between instances) and
 * its own HTTP client, so a request and its upstream connection stay on the same loop.
 */
final class RouterVerticle extends AbstractVerticle {

  private final RouterConfig config;
  private final int port;
  private final RoutingTable table;
  private final Handoff handoff;
  private final Intake intake;
  private Forwarder forwarder;
  private HttpServer server;

  RouterVerticle(
      RouterConfig config, int port, RoutingTable table, Handoff handoff, Intake intake) {
    this.config = config;
    this.intake = intake;
    this.port = port;
    this.table = table;
    this.handoff = handoff;
  }

  @Override
  public void start(Promise<Void> started) {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(config.clientPoolSize())
                .setKeepAlive(true)
                .setKeepAliveTimeout(keepAliveSeconds(config))
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
    forwarder = new Forwarder(client, config, handoff);
    server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(config.host())
                .setPort(port)
                // HTTP/1.1 only until HTTP/2 is handled end to end (bodies without
                // Content-Length, per-stream errors): an h2c upgrade is ignored and answered in
                // HTTP/1.1; prior-knowledge h2c is not understood.
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout((int) config.serverIdleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                // 100 Continue is sent only once a replica is connected (Forwarder), so a client
                // does not upload a body that will be refused (404, 413, 503) or wait at zero.
                .setHandle100ContinueAutomatically(false));
    server.requestHandler(this::handle).listen().<Void>mapEmpty().onComplete(started);
  }

  private void handle(HttpServerRequest request) {
    // Held until a replica is connected: the body then streams straight through.
    request.pause();
    if (!intake.open()) {
      ErrorReply.send(
          request,
          503,
          "platform is shutting down",
          "retry after the Retry-After delay; another instance may serve",
          1,
          true);
      return;
    }
    RequestTarget target = RequestTarget.of(request.uri(), request.host(), config.domain());
    if (target.problem() != null) {
      ErrorReply.send(request, 400, target.problem(), howToAddress(), 0, hasBody(request));
      return;
    }
    if (target.key() == null) {
      ErrorReply.send(
          request, 404, "no function addressed by this request", howToAddress(), 0, false);
      return;
    }
    FunctionRoute route = table.route(target.key());
    if (route == null) {
      ErrorReply.send(
          request,
          404,
          "function " + target.key() + " not found",
          "deploy it with: zeroscale deploy -f FILE; see what exists with: zeroscale list",
          0,
          false);
      return;
    }
    long length = contentLength(request);
    if (length > config.maxBodyBytes()) {
      ErrorReply.send(
          request,
          413,
          "request body of "
              + length
              + " bytes for function "
              + target.key()
              + " is larger than "
              + config.maxBodyBytes()
              + " bytes",
          "send a smaller body; the limit is the router's maxBodyBytes",
          0,
          true);
      return;
    }
    forwarder.start(request, context, route, target.uri());
  }

  private static int keepAliveSeconds(RouterConfig config) {
    // Vert.x counts in whole seconds; 0 would mean "never expire".
    return (int) Math.max(1, config.clientKeepAliveTimeout().toSeconds());
  }

  private String howToAddress() {
    return "call /fn/{namespace}/{name}/path or set Host: {name}.{namespace}." + config.domain();
  }

  private static long contentLength(HttpServerRequest request) {
    String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean hasBody(HttpServerRequest request) {
    return contentLength(request) > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }
}
