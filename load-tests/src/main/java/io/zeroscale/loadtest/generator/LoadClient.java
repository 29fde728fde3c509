package io.zeroscale.loadtest.generator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x HTTP/1.1 clients, one per event loop ("lane"), each with its own keep-alive connection
 * pool. Requests of a lane are issued on that lane's event loop, so a lane's connections never
 * change threads.
 */
public final class LoadClient implements AutoCloseable {

  /** Requests one lane may queue for a free connection; more fail at once (counted). */
  static final int MAX_WAIT_QUEUE = 200_000;

  /** Idle connections are closed after this long. */
  static final int KEEP_ALIVE_SECONDS = 2;

  private final Vertx vertx;
  private final List<Lane> lanes;
  private final long timeoutMillis;

  private record Lane(Context context, HttpClient http) {}

  private LoadClient(Vertx vertx, List<Lane> lanes, Duration timeout) {
    this.vertx = vertx;
    this.lanes = lanes;
    this.timeoutMillis = timeout.toMillis();
  }

  /**
   * Starts the client.
   *
   * @param lanes event loops (at most the cores are useful)
   * @param connectionsPerLane most connections each lane opens to one target
   * @param timeout a request with no answer for this long fails
   */
  public static LoadClient start(int lanes, int connectionsPerLane, Duration timeout) {
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(lanes));
    List<Lane> started = new CopyOnWriteArrayList<>();
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            // Shorter than any server's idle timeout (nginx 75 s, HAProxy 60 s, the router's),
            // so an idle connection is closed by us, never reused just as the server closes it.
            .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
            .setPipelining(false)
            .setTcpNoDelay(true)
            .setConnectTimeout((int) timeout.toMillis());
    PoolOptions pool =
        new PoolOptions().setHttp1MaxSize(connectionsPerLane).setMaxWaitQueueSize(MAX_WAIT_QUEUE);
    vertx
        .deployVerticle(
            () ->
                new AbstractVerticle() {
                  @Override
                  public void start() {
                    started.add(new Lane(context, vertx.createHttpClient(options, pool)));
                  }
                },
            new DeploymentOptions().setInstances(lanes))
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
    return new LoadClient(vertx, List.copyOf(started), timeout);
  }

  public int lanes() {
    return lanes.size();
  }

  public boolean nativeTransport() {
    return vertx.isNativeTransportEnabled();
  }

  /**
   * Sends one request on a lane; records its latency from {@code fromNanos} and its outcome, then
   * runs {@code then} on the lane's event loop.
   */
  void send(int lane, LoadTarget target, long fromNanos, RunRecording recording, Runnable then) {
    Lane l = lanes.get(lane % lanes.size());
    recording.sent();
    if (Vertx.currentContext() == l.context()) {
      issue(l, target, fromNanos, recording, then);
    } else {
      l.context().runOnContext(v -> issue(l, target, fromNanos, recording, then));
    }
  }

  private void issue(
      Lane lane, LoadTarget target, long fromNanos, RunRecording recording, Runnable then) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(target.host())
            .setPort(target.port())
            .setURI(target.pathAndQuery())
            .setIdleTimeout(timeoutMillis);
    lane.http()
        .request(request)
        .compose(HttpClientRequest::send)
        .compose(this::drained)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                recording.answered(ar.result(), System.nanoTime() - fromNanos);
              } else {
                recording.failed(ar.cause());
              }
              then.run();
            });
  }

  private io.vertx.core.Future<Integer> drained(HttpClientResponse response) {
    return response.body().map(body -> response.statusCode());
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
