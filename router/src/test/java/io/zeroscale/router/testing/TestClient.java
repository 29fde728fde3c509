package io.zeroscale.router.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/** A plain Vert.x HTTP client pointed at the router. */
public final class TestClient implements AutoCloseable {

  /** What came back. */
  public record Reply(int status, MultiMap headers, Buffer body) {
    public String text() {
      return body.toString();
    }
  }

  private final HttpClient client;
  private final int port;

  /**
   * Every request starts on this one event loop. Called from a test thread, Vert.x would give each
   * request a new context, and a pooled connection of another event loop then re-dispatches the
   * response's events: a body handler set in a callback can miss the first chunk (seen as a rare
   * empty body in these tests).
   */
  private final Context context;

  public TestClient(Vertx vertx, int port) {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setMaxPoolSize(1000).setMaxWaitQueueSize(-1));
    this.port = port;
    this.context = vertx.getOrCreateContext();
  }

  public Future<Reply> send(HttpMethod method, String uri, String host, Buffer body) {
    RequestOptions options =
        new RequestOptions().setHost("127.0.0.1").setPort(port).setMethod(method).setURI(uri);
    if (host != null) {
      options.putHeader("Host", host);
    }
    Promise<Reply> reply = Promise.promise();
    context.runOnContext(
        v ->
            client
                .request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(
                    resp -> resp.body().map(b -> new Reply(resp.statusCode(), resp.headers(), b)))
                .onComplete(reply));
    return reply.future();
  }

  public Future<Reply> get(String uri) {
    return send(HttpMethod.GET, uri, null, null);
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close();
  }
}
