package io.zeroscale.router;

import static io.zeroscale.api.testing.InMemoryEndpoints.ready;
import static io.zeroscale.router.testing.TestClient.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.testing.InMemoryCatalog;
import io.zeroscale.api.testing.InMemoryEndpoints;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.FunctionRoute;
import io.zeroscale.router.route.RoutingTable;
import io.zeroscale.router.server.Router;
import io.zeroscale.router.testing.Backend;
import io.zeroscale.router.testing.TestClient;
import io.zeroscale.router.testing.TestClient.Reply;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest {

  static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  Vertx vertx;
  InMemoryCatalog catalog = new InMemoryCatalog();
  InMemoryEndpoints endpoints = new InMemoryEndpoints();
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  RoutingTable table;
  Router router;
  TestClient client;
  List<Backend> backends = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    catalog.put(InMemoryCatalog.function("default", "hello", "30s", 0));
    table = new RoutingTable(catalog, endpoints, registry).start();
    RouterConfig config =
        RouterConfig.defaults()
            .withHost("127.0.0.1")
            .withPort(0)
            .withInstances(2)
            .withMaxBodyBytes(1024 * 1024);
    router = await(Router.start(vertx, config, table, Handoff.REJECT));
    client = new TestClient(vertx, router.port());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    await(router.close());
    table.close();
    for (Backend backend : backends) {
      backend.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  Backend backend(String name) throws Exception {
    Backend backend = Backend.start(vertx, name);
    backends.add(backend);
    return backend;
  }

  @Test
  void routesByPathStrippingThePrefixAndKeepingTheQuery() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    assertThat(await(client.get("/fn/default/hello/x/y?q=1&r=%20")).text())
        .isEqualTo("a:/x/y?q=1&r=%20");
    assertThat(await(client.get("/fn/default/hello")).text()).isEqualTo("a:/");
    assertThat(await(client.get("/fn/default/hello?q=2")).text()).isEqualTo("a:/?q=2");
  }

  @Test
  void routesByHostIgnoringThePort() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    Reply reply =
        await(
            client.send(
                HttpMethod.GET, "/some/path?x=1", "hello.default.zeroscale.localhost:8080", null));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("a:/some/path?x=1");
  }

  @Test
  void unknownFunctionAndMalformedPathGetJsonErrors() throws Exception {
    Reply unknown = await(client.get("/fn/default/nope/x"));
    assertThat(unknown.status()).isEqualTo(404);
    JsonObject body = new JsonObject(unknown.body());
    assertThat(body.getString("error")).isEqualTo("function default/nope not found");
    assertThat(body.getString("hint")).contains("zeroscale deploy");

    Reply malformed = await(client.get("/fn/x"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(new JsonObject(malformed.body()).getString("error")).contains("/fn/{namespace}");

    Reply nothing = await(client.send(HttpMethod.GET, "/", "example.org", null));
    assertThat(nothing.status()).isEqualTo(404);
    assertThat(new JsonObject(nothing.body()).containsKey("error")).isTrue();
  }

  @Test
  void setsForwardedHeadersAppendingToAnExistingForwardedFor() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(router.port())
            .setURI("/fn/default/hello/")
            .putHeader("X-Forwarded-For", "10.0.0.1")
            .putHeader("Host", "router.example:1234")
            .putHeader("Connection", "keep-alive, X-Secret")
            .putHeader("X-Secret", "hop");
    var http = vertx.createHttpClient();
    int status = await(http.request(options).compose(r -> r.send()).map(r -> r.statusCode()));

    assertThat(status).isEqualTo(200);
    var seen = a.headers.get(0);
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("10.0.0.1, 127.0.0.1");
    assertThat(seen.get("X-Forwarded-Host")).isEqualTo("router.example:1234");
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.contains("X-Secret")).as("header named in Connection is hop-by-hop").isFalse();
  }

  @Test
  void picksTheReplicaWithFewestInFlightAndCountsThemPerEndpoint() throws Exception {
    Backend a = backend("a");
    Backend b = backend("b");
    a.handler(a::hold);
    b.handler(b::hold);
    endpoints.set(HELLO, ready("a", a.port()), ready("b", b.port()));

    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      replies.add(client.get("/fn/default/hello/" + i));
      int sent = i + 1;
      await().atMost(Duration.ofSeconds(10)).until(() -> a.held.size() + b.held.size() == sent);
    }

    assertThat(a.held).hasSize(3);
    assertThat(b.held).hasSize(3);
    assertThat(table.count(HELLO, "a")).isEqualTo(3);
    assertThat(table.count(HELLO, "b")).isEqualTo(3);
    FunctionLoad load = table.collect().get(HELLO);
    assertThat(load.inFlight()).isEqualTo(6);
    assertThat(load.requests()).isEqualTo(6);
    assertThat(load.averageConcurrency()).isGreaterThan(0);

    a.releaseHeld();
    b.releaseHeld();
    for (Future<Reply> reply : replies) {
      assertThat(await(reply).status()).isEqualTo(200);
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> table.count(HELLO, "a") == 0 && table.count(HELLO, "b") == 0);
    assertThat(registry.get("zeroscale.requests").tag("code", "2xx").counter().count())
        .isEqualTo(6);
  }

  @Test
  void bodyOverTheLimitWithContentLengthGets413() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    Reply reply =
        await(
            client.send(
                HttpMethod.POST,
                "/fn/default/hello/",
                null,
                Buffer.buffer(new byte[2 * 1024 * 1024])));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(new JsonObject(reply.body()).getString("error")).contains("larger than");
    assertThat(a.served.get()).isZero();
  }

  @Test
  void chunkedBodyGrowingPastTheLimitGets413() throws Exception {
    // The default backend reads the whole body before it answers: nothing was sent back yet.
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    var http = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(router.port())
            .setMethod(HttpMethod.POST)
            .setURI("/fn/default/hello/");
    Future<Integer> status =
        http.request(options)
            .compose(
                req -> {
                  req.setChunked(true);
                  Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
                  // 2 MiB in 64 KiB chunks against a 1 MiB limit; writes may fail once closed.
                  for (int i = 0; i < 32; i++) {
                    req.write(chunk);
                  }
                  req.end();
                  return req.response().map(r -> r.statusCode());
                });

    assertThat(await(status)).isEqualTo(413);
  }

  @Test
  void slowReplicaGets504AfterTheFunctionTimeout() throws Exception {
    catalog.put(InMemoryCatalog.function("default", "hello", "300ms", 0));
    Backend a = backend("a");
    a.handler(a::hold);
    endpoints.set(HELLO, ready("a", a.port()));

    Reply reply = await(client.get("/fn/default/hello/slow"));

    assertThat(reply.status()).isEqualTo(504);
    assertThat(new JsonObject(reply.body()).getString("error"))
        .isEqualTo("function default/hello did not answer within its timeout of 300 ms");
    await().atMost(Duration.ofSeconds(5)).until(() -> table.count(HELLO, "a") == 0);
  }

  @Test
  void refusedConnectionIsRetriedOnAnotherReadyReplica() throws Exception {
    Backend good = backend("good");
    endpoints.set(HELLO, ready("dead", Backend.refusingPort()), ready("good", good.port()));

    for (int i = 0; i < 10; i++) {
      Reply reply = await(client.get("/fn/default/hello/" + i));
      assertThat(reply.status()).as("request %d", i).isEqualTo(200);
      assertThat(reply.text()).isEqualTo("good:/" + i);
    }
    assertThat(table.count(HELLO, "dead")).isZero();
  }

  @Test
  void streamsALargeBodyBothWays() throws Exception {
    catalog.put(InMemoryCatalog.function("default", "hello", "30s", 0));
    await(router.close());
    router =
        await(
            Router.start(
                vertx,
                RouterConfig.defaults().withHost("127.0.0.1").withPort(0).withInstances(2),
                table,
                Handoff.REJECT));
    client.close();
    client = new TestClient(vertx, router.port());
    Backend a = backend("a");
    a.handler(Backend::echoBody);
    endpoints.set(HELLO, ready("a", a.port()));
    byte[] data = new byte[5 * 1024 * 1024];
    new Random(7).nextBytes(data);

    Reply reply =
        await(client.send(HttpMethod.POST, "/fn/default/hello/echo", null, Buffer.buffer(data)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().length()).isEqualTo(data.length);
    assertThat(MessageDigest.getInstance("SHA-256").digest(reply.body().getBytes()))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void noReadyReplicaWithoutActivatorGets503WithRetryAfter() throws Exception {
    Reply reply = await(client.get("/fn/default/hello/"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers().get("Retry-After")).isEqualTo("1");
    assertThat(new JsonObject(reply.body()).getString("error")).contains("default/hello");
  }

  @Test
  void probedStartingReplicaStaysRoutableUntilItTerminates() throws Exception {
    Backend a = backend("a");
    Endpoint startingA = new Endpoint("a", "127.0.0.1", a.port(), Endpoint.State.STARTING);
    endpoints.set(HELLO, startingA);
    FunctionRoute route = table.route(HELLO);
    assertThat(route.readyCount()).isZero();
    assertThat(await(client.get("/fn/default/hello/")).status())
        .as("a starting replica is not routable")
        .isEqualTo(503);

    assertThat(route.promote(route.starting().get(0))).isTrue();
    assertThat(await(client.get("/fn/default/hello/x")).text()).isEqualTo("a:/x");

    endpoints.set(HELLO, startingA); // the backend has not seen it ready yet: it stays routable
    assertThat(route.readyCount()).isEqualTo(1);
    assertThat(route.starting()).isEmpty();

    endpoints.set(HELLO, new Endpoint("a", "127.0.0.1", a.port(), Endpoint.State.TERMINATING));
    assertThat(route.readyCount()).isZero();
    endpoints.set(HELLO, startingA); // a later start under the same id must be probed afresh
    assertThat(route.readyCount()).isZero();
    assertThat(route.starting()).hasSize(1);
  }

  /** Sends a request head with {@code Expect: 100-continue} on a raw socket. */
  java.net.Socket expectContinue(String path, int length) throws Exception {
    java.net.Socket socket = new java.net.Socket("127.0.0.1", router.port());
    socket.setSoTimeout(10_000);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + length
            + "\r\nExpect: 100-continue\r\n\r\n";
    socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return socket;
  }

  static java.io.BufferedReader lines(java.net.Socket socket) throws Exception {
    return new java.io.BufferedReader(
        new java.io.InputStreamReader(
            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void expectContinueIsAnsweredOnceAReplicaIsConnectedAndTheBodyGoesThrough() throws Exception {
    Backend a = backend("a").handler(Backend::echoBody);
    endpoints.set(HELLO, ready("a", a.port()));
    try (java.net.Socket socket = expectContinue("/fn/default/hello/", 4)) {
      var in = lines(socket);
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(in.readLine()).isEmpty();
      socket.getOutputStream().write("ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.equals("ping"));
      assertThat(line).as("the echoed body").isEqualTo("ping");
    }
  }

  @Test
  void expectContinueForAnUnknownFunctionGetsTheErrorWithoutContinueAndACloseHeader()
      throws Exception {
    try (java.net.Socket socket = expectContinue("/fn/default/nope/", 1_000_000)) {
      var in = lines(socket);
      assertThat(in.readLine())
          .as("the client must not be invited to upload a body that is refused")
          .isEqualTo("HTTP/1.1 404 Not Found");
      List<String> headers = new ArrayList<>();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        headers.add(line.toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(headers).contains("connection: close");
    }
  }

  @Test
  void deletedFunctionLosesItsRouteAndMeters() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));
    assertThat(await(client.get("/fn/default/hello/")).status()).isEqualTo(200);

    catalog.delete(HELLO);

    assertThat(await(client.get("/fn/default/hello/")).status()).isEqualTo(404);
    assertThat(registry.find("zeroscale.requests").tag("function", "hello").meters()).isEmpty();
  }

  @Test
  void inFlightStaysCountableAfterTheEndpointIsRemovedUntilTheRequestEnds() throws Exception {
    Backend a = backend("a");
    Future<Reply> reply = holdOneRequest(a, "/fn/default/hello/long");

    endpoints.set(HELLO);

    assertThat(table.count(HELLO, "a")).isEqualTo(1);
    a.releaseHeld();
    assertThat(await(reply).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> table.count(HELLO, "a") == 0);
  }

  /** Makes {@code a} the only ready replica and leaves one request to {@code path} held on it. */
  private Future<Reply> holdOneRequest(Backend a, String path) {
    a.handler(a::hold);
    endpoints.set(HELLO, ready("a", a.port()));
    Future<Reply> reply = client.get(path);
    await().atMost(Duration.ofSeconds(10)).until(() -> a.held.size() == 1);
    return reply;
  }

  void restartRouter(RouterConfig config) throws Exception {
    await(router.close());
    router = await(Router.start(vertx, config, table, Handoff.REJECT));
    client.close();
    client = new TestClient(vertx, router.port());
  }

  @Test
  void deletingAFunctionKeepsItsRequestsCountedUntilTheyEndAndLetsThemFinish() throws Exception {
    Backend a = backend("a");
    Future<Reply> first = holdOneRequest(a, "/fn/default/hello/one");

    catalog.delete(HELLO);
    assertThat(table.count(HELLO, "a")).as("after delete").isEqualTo(1);

    // Re-created with the same replica still listed: the new route takes the count over.
    catalog.put(InMemoryCatalog.function("default", "hello", "30s", 0));
    assertThat(table.count(HELLO, "a")).as("after re-create").isEqualTo(1);
    Future<Reply> second = client.get("/fn/default/hello/two");
    await().atMost(Duration.ofSeconds(10)).until(() -> a.held.size() == 2);
    assertThat(table.count(HELLO, "a")).isEqualTo(2);

    a.releaseHeld();
    assertThat(await(first).status()).isEqualTo(200);
    assertThat(await(second).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> table.count(HELLO, "a") == 0);
    assertThat(table.totalInFlight()).isZero();
  }

  @Test
  void deletedFunctionWithoutRecreationStaysCountedUntilItsRequestEnds() throws Exception {
    Backend a = backend("a");
    Future<Reply> reply = holdOneRequest(a, "/fn/default/hello/long");

    catalog.delete(HELLO);
    endpoints.set(HELLO);

    assertThat(table.count(HELLO, "a")).isEqualTo(1);
    a.releaseHeld();
    assertThat(await(reply).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> table.count(HELLO, "a") == 0);
  }

  @Test
  void answerThatStallsAfterItsHeadersIsCutWithinTheFunctionTimeout() throws Exception {
    catalog.put(InMemoryCatalog.function("default", "hello", "400ms", 0));
    Backend a = backend("a");
    a.handler(request -> request.response().setChunked(true).write("first chunk")); // then nothing
    endpoints.set(HELLO, ready("a", a.port()));

    var http = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(router.port())
            .setURI("/fn/default/hello/");
    var status = new java.util.concurrent.atomic.AtomicInteger();
    Future<Buffer> body =
        http.request(options)
            .compose(r -> r.send())
            .compose(
                response -> {
                  status.set(response.statusCode());
                  return response.body();
                });

    await().atMost(Duration.ofSeconds(10)).until(body::isComplete);
    assertThat(status.get()).as("headers came through").isEqualTo(200);
    assertThat(body.failed()).as("the stalled answer is reset, not completed").isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> table.count(HELLO, "a") == 0);
    assertThat(registry.get("zeroscale.requests").tag("code", "5xx").counter().count())
        .isEqualTo(1);
    http.close();
  }

  @Test
  void moreSlowRequestsThanPooledConnectionsWaitForAConnectionInsteadOfFailing() throws Exception {
    restartRouter(
        RouterConfig.defaults()
            .withHost("127.0.0.1")
            .withPort(0)
            .withInstances(1)
            .withClientPoolSize(2)
            .withConnectTimeout(Duration.ofMillis(100)));
    Backend a = backend("a");
    // Each answer takes longer than the connect timeout: requests 3..8 wait for a pooled
    // connection that long, which must not count as the replica refusing.
    a.handler(request -> vertx.setTimer(250, id -> request.response().end("a:" + request.uri())));
    endpoints.set(HELLO, ready("a", a.port()));

    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      replies.add(client.get("/fn/default/hello/" + i));
    }

    for (Future<Reply> reply : replies) {
      assertThat(await(reply).status()).isEqualTo(200);
    }
    assertThat(a.peak.get()).as("the pool bounds connections to the replica").isEqualTo(2);
    assertThat(table.route(HELLO).replica("a").refusing(System.nanoTime())).isFalse();
  }

  @Test
  void h2cUpgradeIsIgnoredAndAnsweredInHttp11() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));
    var h2c =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(true));
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(router.port())
            .setMethod(HttpMethod.POST)
            .setURI("/fn/default/hello/h2");

    List<Object> seen =
        await(
            h2c.request(options)
                .compose(r -> r.send(Buffer.buffer("body")))
                .compose(
                    r ->
                        r.body()
                            .map(b -> List.<Object>of(r.version(), r.statusCode(), b.toString()))));

    assertThat(seen).containsExactly(HttpVersion.HTTP_1_1, 200, "a:/h2");
    h2c.close();
  }

  @Test
  void tableIsFilledWhenStartReturnsEvenIfTheWatchesReplayLater() throws Exception {
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));
    // Watches that never replay (as if the replay were still on its way on another thread).
    FunctionCatalog lateCatalog = new LateCatalog(catalog);
    Endpoints lateEndpoints =
        new Endpoints() {
          @Override
          public List<Endpoint> current(FunctionKey key) {
            return endpoints.current(key);
          }

          @Override
          public AutoCloseable watch(Listener listener) {
            return () -> {};
          }
        };
    table.close();
    table = new RoutingTable(lateCatalog, lateEndpoints, registry).start();
    restartRouter(RouterConfig.defaults().withHost("127.0.0.1").withPort(0).withInstances(1));

    assertThat(table.route(HELLO)).isNotNull();
    assertThat(table.route(HELLO).readyCount()).isEqualTo(1);
    assertThat(await(client.get("/fn/default/hello/now")).text()).isEqualTo("a:/now");
  }

  /** A catalog whose watch delivers nothing yet. */
  record LateCatalog(InMemoryCatalog inner) implements FunctionCatalog {
    @Override
    public List<Function> list() {
      return inner.list();
    }

    @Override
    public Optional<Function> get(FunctionKey key) {
      return inner.get(key);
    }

    @Override
    public Function put(Function function) {
      return inner.put(function);
    }

    @Override
    public boolean delete(FunctionKey key) {
      return inner.delete(key);
    }

    @Override
    public void updateStatus(FunctionKey key, FunctionStatus status) {}

    @Override
    public AutoCloseable watch(Listener listener) {
      return () -> {};
    }
  }
}
