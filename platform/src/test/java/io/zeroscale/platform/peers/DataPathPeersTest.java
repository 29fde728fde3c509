package io.zeroscale.platform.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.stats.LoadSnapshot;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.api.stats.LoadTotals;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leader's side of following data-path instances, against an HTTP server speaking the
 * instances' protocol ({@link PeerEndpoints}) whose answers the test sets: pokes reach the loop, a
 * stream that ends is followed again, totals turn into load, the leader's own data path is skipped,
 * and instances follow the discovery.
 */
class DataPathPeersTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> pokes = new CopyOnWriteArrayList<>();
  private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
  private final AtomicReference<LoadSnapshot> snapshot = new AtomicReference<>();
  private Vertx vertx;
  private HttpServer server;
  private DataPathPeers peers;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  if (request.path().equals(PeerEndpoints.POKES_PATH)) {
                    HttpServerResponse response = request.response().setChunked(true);
                    response.write("\n");
                    streams.add(response);
                  } else {
                    try {
                      request.response().end(json.writeValueAsString(snapshot.get()));
                    } catch (Exception e) {
                      request.response().setStatusCode(500).end(e.toString());
                    }
                  }
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (peers != null) {
      peers.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void pokesReachTheLoopAndAnEndedStreamIsFollowedAgain() throws Exception {
    snapshot.set(new LoadSnapshot("router-a", 1, List.of()));
    peers = follow(Map.of("router-a", base()), Optional.empty());

    await().atMost(WAIT).until(() -> streams.size() == 1);
    poke(streams.get(0), 3);
    await().atMost(WAIT).until(() -> pokes.contains("default/hello=3"));

    streams.get(0).end();
    await("reconnected").atMost(WAIT).until(() -> streams.size() == 2);
    poke(streams.get(1), 5);
    await().atMost(WAIT).until(() -> pokes.contains("default/hello=5"));
  }

  @Test
  void totalsTurnIntoTheLoadInBetween() {
    peers = follow(Map.of("router-a", base()), Optional.empty());
    LoadSource source = peers.current().get("router-a");

    snapshot.set(snapshot("router-a", 0, 10, 5.0, 2));
    assertThat(source.collect()).as("first read: what is in flight now").containsKey(HELLO);
    snapshot.set(snapshot("router-a", 2_000_000_000L, 30, 13.0, 1));

    assertThat(source.collect().get(HELLO)).isEqualTo(new FunctionLoad(HELLO, 4.0, 1, 0, 20));
  }

  @Test
  void theLeadersOwnDataPathIsSkippedAndItsStreamStopped() throws Exception {
    snapshot.set(snapshot("mine", 0, 10, 5.0, 2));
    peers = follow(Map.of("router-a", base()), Optional.of("mine"));
    await().atMost(WAIT).until(() -> streams.size() == 1);

    assertThat(peers.current().get("router-a").collect()).as("read in-process instead").isEmpty();
    peers.current();

    await("its poke stream closed").atMost(WAIT).until(() -> streams.get(0).closed());
  }

  @Test
  void instancesFollowTheDiscovery() {
    AtomicReference<Map<String, URI>> listed = new AtomicReference<>(Map.of("router-a", base()));
    peers =
        new DataPathPeers(
            listed::get, vertx, json, (k, q) -> {}, Duration.ofSeconds(1), Optional::empty);

    assertThat(peers.start().current()).containsOnlyKeys("router-a");
    listed.set(Map.of("router-b", base()));
    assertThat(peers.current()).containsOnlyKeys("router-b");
  }

  private DataPathPeers follow(Map<String, URI> instances, Optional<String> own) {
    return new DataPathPeers(
            () -> instances,
            vertx,
            json,
            (key, queued) -> pokes.add(key + "=" + queued),
            Duration.ofSeconds(1),
            () -> own)
        .start();
  }

  private void poke(HttpServerResponse stream, int queued) throws Exception {
    String line = json.writeValueAsString(new WaitingRequests(HELLO, queued)) + "\n";
    vertx.runOnContext(v -> stream.write(line));
  }

  private static LoadSnapshot snapshot(
      String instance, long nanos, long requests, double concurrencySeconds, int inFlight) {
    return new LoadSnapshot(
        instance, nanos, List.of(new LoadTotals(HELLO, requests, concurrencySeconds, inFlight, 0)));
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }
}
