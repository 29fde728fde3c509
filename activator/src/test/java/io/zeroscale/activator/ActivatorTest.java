package io.zeroscale.activator;

import static io.zeroscale.api.testing.InMemoryEndpoints.ready;
import static io.zeroscale.router.testing.TestClient.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.api.testing.InMemoryCatalog;
import io.zeroscale.api.testing.InMemoryEndpoints;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.testing.Backend;
import io.zeroscale.router.testing.TestClient;
import io.zeroscale.router.testing.TestClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivatorTest {

  static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  static final Duration WAIT = Duration.ofSeconds(15);

  record Poke(FunctionKey key, int queued) {}

  Vertx vertx;
  InMemoryCatalog catalog = new InMemoryCatalog();
  InMemoryEndpoints endpoints = new InMemoryEndpoints();
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  List<Poke> pokes = new CopyOnWriteArrayList<>();
  List<Backend> backends = new ArrayList<>();
  DataPath dataPath;
  TestClient client;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  void start(ActivatorConfig config, int containerConcurrency) throws Exception {
    catalog.put(InMemoryCatalog.function("default", "hello", "30s", containerConcurrency));
    RouterConfig routerConfig =
        RouterConfig.defaults().withHost("127.0.0.1").withPort(0).withInstances(2);
    dataPath =
        await(
            DataPath.start(
                vertx,
                routerConfig,
                config,
                catalog,
                endpoints,
                (key, queued) -> pokes.add(new Poke(key, queued)),
                registry));
    client = new TestClient(vertx, dataPath.port());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (client != null) {
      client.close();
    }
    if (dataPath != null) {
      await(dataPath.close());
    }
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

  double queueDepth() {
    var gauge = registry.find("zeroscale.activator.queue.depth").gauge();
    return gauge == null ? 0 : gauge.value();
  }

  List<Future<Reply>> send(int n) {
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replies.add(client.get("/fn/default/hello/r" + i));
    }
    return replies;
  }

  @Test
  void requestAtZeroPokesAtOnceWaitsAndIsAnsweredWhenAReplicaTurnsReady() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");

    Future<Reply> reply = client.get("/fn/default/hello/wake?x=1");

    await().atMost(WAIT).until(() -> !pokes.isEmpty());
    assertThat(pokes.get(0)).isEqualTo(new Poke(HELLO, 1));
    assertThat(reply.isComplete()).as("no replica yet: the request must wait").isFalse();

    endpoints.set(HELLO, ready("a", a.port()));

    Reply answer = await(reply);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("a:/wake?x=1");
    assertThat(registry.get("zeroscale.cold.starts").counter().count()).isEqualTo(1);
    assertThat(registry.get("zeroscale.cold.start.duration").timer().count()).isEqualTo(1);
  }

  @Test
  void hardLimitOfOneKeepsOneRequestAtATimeOnTheReplica() throws Exception {
    start(ActivatorConfig.defaults(), 1);
    Backend a = backend("a");
    a.handler(request -> vertx.setTimer(5, id -> request.response().end("a:" + request.uri())));
    endpoints.set(HELLO, ready("a", a.port()));

    List<Future<Reply>> replies = send(20);

    for (Future<Reply> reply : replies) {
      assertThat(await(reply).status()).isEqualTo(200);
    }
    assertThat(a.peak.get()).as("peak concurrency at the replica").isEqualTo(1);
    assertThat(a.served.get()).isEqualTo(20);
  }

  @Test
  void fullQueueAnswers503WithRetryAfter() throws Exception {
    start(ActivatorConfig.defaults().withQueueCapacity(3), 0);
    Backend a = backend("a");

    List<Future<Reply>> replies = send(5);
    await().atMost(WAIT).until(() -> replies.stream().filter(Future::isComplete).count() == 2);

    for (Future<Reply> reply : replies.stream().filter(Future::isComplete).toList()) {
      Reply rejected = reply.result();
      assertThat(rejected.status()).isEqualTo(503);
      assertThat(rejected.headers().get("Retry-After")).isEqualTo("1");
      assertThat(new JsonObject(rejected.body()).getString("error"))
          .isEqualTo("too many requests wait for function default/hello (queue capacity 3)");
    }
    assertThat(
            registry
                .get("zeroscale.activator.rejected")
                .tag("reason", "queue_full")
                .counter()
                .count())
        .isEqualTo(2);

    endpoints.set(HELLO, ready("a", a.port()));
    long ok = 0;
    for (Future<Reply> reply : replies) {
      if (await(reply).status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(3);
  }

  @Test
  void waitTimeoutAnswers503WithRetryAfterAndWhereToLook() throws Exception {
    start(ActivatorConfig.defaults().withMaxWait(Duration.ofMillis(300)), 0);

    Reply reply = await(client.get("/fn/default/hello/"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers().get("Retry-After")).isEqualTo("1");
    JsonObject body = new JsonObject(reply.body());
    assertThat(body.getString("error"))
        .isEqualTo("function default/hello did not become ready within 300 ms");
    assertThat(body.getString("hint")).contains("zeroscale logs hello");
    assertThat(
            registry.get("zeroscale.activator.rejected").tag("reason", "timeout").counter().count())
        .isEqualTo(1);
    assertThat(dataPath.loadSource().collect().get(HELLO).queued()).isZero();
  }

  @Test
  void loadSourceReportsQueuedRequestsAndTheirConcurrency() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");
    List<Future<Reply>> replies = send(3);
    await().atMost(WAIT).until(() -> pokes.stream().anyMatch(p -> p.queued() >= 1));
    await().atMost(WAIT).until(() -> queueDepth() == 3);

    FunctionLoad load = dataPath.loadSource().collect().get(HELLO);

    assertThat(load.queued()).isEqualTo(3);
    assertThat(load.inFlight()).isZero();
    assertThat(load.requests()).isEqualTo(3);
    assertThat(load.averageConcurrency()).isGreaterThan(0).isLessThanOrEqualTo(3);

    endpoints.set(HELLO, ready("a", a.port()));
    for (Future<Reply> reply : replies) {
      assertThat(await(reply).status()).isEqualTo(200);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              FunctionLoad after = dataPath.loadSource().collect().get(HELLO);
              assertThat(after == null || (after.queued() == 0 && after.inFlight() == 0)).isTrue();
            });
  }

  @Test
  void inFlightRequestsAreCountedPerEndpoint() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");
    a.handler(a::hold);
    endpoints.set(HELLO, ready("a", a.port()));

    List<Future<Reply>> replies = send(4);
    await().atMost(WAIT).until(() -> a.held.size() == 4);

    assertThat(dataPath.inFlightRequests().count(HELLO, "a")).isEqualTo(4);
    assertThat(dataPath.inFlightRequests().count(HELLO, "other")).isZero();

    a.releaseHeld();
    for (Future<Reply> reply : replies) {
      assertThat(await(reply).status()).isEqualTo(200);
    }
    await().atMost(WAIT).until(() -> dataPath.inFlightRequests().count(HELLO, "a") == 0);
  }

  @Test
  void fiveHundredConcurrentRequestsAtZeroAreAllAnsweredOnceAReplicaAppears() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");

    List<Future<Reply>> replies = send(500);
    await().atMost(WAIT).until(() -> queueDepth() == 500);
    endpoints.set(HELLO, ready("a", a.port()));

    for (int i = 0; i < replies.size(); i++) {
      Reply reply = await(replies.get(i));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.text()).isEqualTo("a:/r" + i);
    }
    assertThat(registry.get("zeroscale.cold.starts").counter().count()).isEqualTo(1);
  }

  @Test
  void requestsWaitingForADeletedFunctionGet404() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    List<Future<Reply>> replies = send(2);
    await().atMost(WAIT).until(() -> queueDepth() == 2);

    catalog.delete(HELLO);

    for (Future<Reply> reply : replies) {
      Reply answer = await(reply);
      assertThat(answer.status()).isEqualTo(404);
      assertThat(new JsonObject(answer.body()).getString("error"))
          .isEqualTo("function default/hello was deleted while the request waited");
    }
    assertThat(registry.find("zeroscale.activator.queue.depth").meters()).isEmpty();
  }

  @Test
  void refusedConnectionsAtAReadyReplicaAreRetriedUntilAGoodOneAppears() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    endpoints.set(HELLO, ready("dead", Backend.refusingPort()));

    Future<Reply> reply = client.get("/fn/default/hello/late");
    await().atMost(WAIT).until(() -> !pokes.isEmpty());
    Backend good = backend("good");
    endpoints.set(HELLO, ready("dead", Backend.refusingPort()), ready("good", good.port()));

    Reply answer = await(reply);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("good:/late");
  }

  @Test
  void drainLetsRequestsInFlightFinishAndAnswersWaitingAndNewOnesWith503() throws Exception {
    start(ActivatorConfig.defaults(), 1);
    Backend a = backend("a");
    a.handler(a::hold);
    endpoints.set(HELLO, ready("a", a.port()));
    Future<Reply> inFlight = client.get("/fn/default/hello/slow");
    await().atMost(WAIT).until(() -> a.held.size() == 1);
    Future<Reply> waiting = client.get("/fn/default/hello/waiting");
    await().atMost(WAIT).until(() -> queueDepth() == 1);

    Future<Void> drained = dataPath.drain(Duration.ofSeconds(15));

    Reply queued = await(waiting);
    assertThat(queued.status()).isEqualTo(503);
    assertThat(queued.headers().get("Retry-After")).isEqualTo("1");
    assertThat(new JsonObject(queued.body()).getString("error"))
        .isEqualTo("platform is shutting down");
    Reply late = await(client.get("/fn/default/hello/late"));
    assertThat(late.status()).isEqualTo(503);
    assertThat(late.headers().get("Retry-After")).isEqualTo("1");
    assertThat(late.headers().get("Connection")).isEqualTo("close");
    assertThat(new JsonObject(late.body()).getString("error"))
        .isEqualTo("platform is shutting down");
    assertThat(drained.isComplete()).as("a request is still in flight").isFalse();

    a.releaseHeld();
    Reply finished = await(inFlight);
    assertThat(finished.status()).isEqualTo(200);
    assertThat(finished.text()).isEqualTo("a:/slow");
    await(drained);
    assertThat(a.served.get()).as("only the request in flight reached the replica").isEqualTo(1);
  }

  @Test
  void waitTimeoutOfASaturatedFunctionSaysItsReplicasAreAtTheirLimit() throws Exception {
    start(ActivatorConfig.defaults().withMaxWait(Duration.ofMillis(300)), 1);
    Backend a = backend("a");
    a.handler(a::hold);
    endpoints.set(HELLO, ready("a", a.port()));
    Future<Reply> first = client.get("/fn/default/hello/1");
    await().atMost(WAIT).until(() -> a.held.size() == 1);

    Reply second = await(client.get("/fn/default/hello/2"));

    assertThat(second.status()).isEqualTo(503);
    assertThat(second.headers().get("Retry-After")).isEqualTo("1");
    assertThat(new JsonObject(second.body()).getString("error"))
        .isEqualTo(
            "function default/hello: all 1 replicas are at their concurrency limit;"
                + " waited 300 ms");
    a.releaseHeld();
    assertThat(await(first).status()).isEqualTo(200);
  }

  @Test
  void recreatedFunctionGetsAFreshQueueAfterTheOldWaitersGot404() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    List<Future<Reply>> old = send(2);
    await().atMost(WAIT).until(() -> queueDepth() == 2);

    catalog.delete(HELLO);
    for (Future<Reply> reply : old) {
      assertThat(await(reply).status()).isEqualTo(404);
    }
    catalog.put(InMemoryCatalog.function("default", "hello", "30s", 0));
    Future<Reply> fresh = client.get("/fn/default/hello/fresh");
    await().atMost(WAIT).until(() -> queueDepth() == 1);
    Backend a = backend("a");
    endpoints.set(HELLO, ready("a", a.port()));

    assertThat(await(fresh).text()).isEqualTo("a:/fresh");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              FunctionLoad load = dataPath.loadSource().collect().get(HELLO);
              assertThat(load == null || load.queued() == 0).isTrue();
            });
  }

  static Endpoint starting(String id, Backend backend) {
    return new Endpoint(id, "127.0.0.1", backend.port(), Endpoint.State.STARTING);
  }

  /** A replica whose readiness path answers 503 until {@code ready} is set; counts the probes. */
  static void answerProbesWhen(Backend backend, AtomicBoolean ready, AtomicInteger probes) {
    backend.handler(
        request -> {
          if (request.path().equals("/")) {
            probes.incrementAndGet();
            request.response().setStatusCode(ready.get() ? 200 : 503).end();
          } else {
            request.response().end(backend.name + ":" + request.uri());
          }
        });
  }

  @Test
  void startingReplicaThatAnswersItsProbeTakesWaitingRequestsBeforeTheBackendSaysReady()
      throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");
    Future<Reply> reply = client.get("/fn/default/hello/wake");
    await().atMost(WAIT).until(() -> !pokes.isEmpty());

    endpoints.set(HELLO, starting("a", a));

    Reply answer = await(reply);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).isEqualTo("a:/wake");
    // The promoted replica now takes new requests straight from the router too.
    assertThat(await(client.get("/fn/default/hello/next")).text()).isEqualTo("a:/next");
    assertThat(registry.get("zeroscale.cold.starts").counter().count()).isEqualTo(1);
  }

  @Test
  void startingReplicaIsUsedOnlyOnceItsProbeAnswersBelow500() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");
    AtomicBoolean ready = new AtomicBoolean();
    AtomicInteger probes = new AtomicInteger();
    answerProbesWhen(a, ready, probes);
    Future<Reply> reply = client.get("/fn/default/hello/wake");
    await().atMost(WAIT).until(() -> !pokes.isEmpty());

    endpoints.set(HELLO, starting("a", a));
    await().atMost(WAIT).until(() -> probes.get() >= 3);
    assertThat(reply.isComplete()).as("probes answered 503: the request must still wait").isFalse();

    ready.set(true);
    assertThat(await(reply).text()).isEqualTo("a:/wake");
  }

  @Test
  void replicaThatTurnsTerminatingWhileProbedIsNeverUsed() throws Exception {
    start(ActivatorConfig.defaults(), 0);
    Backend a = backend("a");
    Backend b = backend("b");
    AtomicBoolean ready = new AtomicBoolean();
    AtomicInteger probes = new AtomicInteger();
    answerProbesWhen(a, ready, probes);
    Future<Reply> reply = client.get("/fn/default/hello/wake");
    await().atMost(WAIT).until(() -> !pokes.isEmpty());
    endpoints.set(HELLO, starting("a", a));
    await().atMost(WAIT).until(() -> probes.get() >= 1);

    endpoints.set(HELLO, new Endpoint("a", "127.0.0.1", a.port(), Endpoint.State.TERMINATING));
    ready.set(true);
    int probesAtStop = probes.get();
    Thread.sleep(200); // eight probe intervals: a probe still running would have been answered
    assertThat(probes.get())
        .as("probing stops with TERMINATING")
        .isLessThanOrEqualTo(probesAtStop + 1);
    assertThat(reply.isComplete()).isFalse();

    endpoints.set(HELLO, ready("b", b.port()));
    assertThat(await(reply).text()).isEqualTo("b:/wake");
  }

  @Test
  void probingOffLeavesReadinessToTheBackend() throws Exception {
    start(ActivatorConfig.defaults().withProbeInterval(Duration.ZERO), 0);
    Backend a = backend("a");
    Future<Reply> reply = client.get("/fn/default/hello/wake");
    await().atMost(WAIT).until(() -> !pokes.isEmpty());

    endpoints.set(HELLO, starting("a", a));
    Thread.sleep(200);
    assertThat(a.served.get()).as("no probe, no request while STARTING").isZero();
    assertThat(reply.isComplete()).isFalse();

    endpoints.set(HELLO, ready("a", a.port()));
    assertThat(await(reply).text()).isEqualTo("a:/wake");
  }
}
