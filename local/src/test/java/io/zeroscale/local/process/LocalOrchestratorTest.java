package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Orchestrator.Scale;
import io.zeroscale.local.LocalBackendConfig;
import io.zeroscale.local.testfn.TestFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes, real HTTP, real signals. */
class LocalOrchestratorTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path dataDir;
  private final List<LocalOrchestrator> opened = new ArrayList<>();

  private LocalBackendConfig config() {
    return LocalBackendConfig.defaults(dataDir)
        .withStartTimeout(Duration.ofSeconds(20))
        .withDrainTimeout(Duration.ofSeconds(10))
        .withStopGracePeriod(Duration.ofSeconds(3))
        .withRestartBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
  }

  private LocalOrchestrator open(LocalOrchestrator orchestrator) {
    opened.add(orchestrator);
    return orchestrator;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(LocalOrchestrator::close);
  }

  private static String get(Endpoint endpoint, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + endpoint.address() + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static void awaitReady(LocalOrchestrator orchestrator, FunctionKey key, int ready) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.currentScale(key))
                    .as("desired and ready replicas of %s", key)
                    .isEqualTo(new Scale(ready, ready)));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.current(key))
                    .hasSize(ready)
                    .allMatch(Endpoint::isReady, "ready"));
  }

  @Test
  void scalesFromZeroToTwoAndBackWithEndpointsStartingThenReadyThenGone() throws Exception {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function function = TestFunctions.function("updown");
    FunctionKey key = function.key();
    Map<String, List<Endpoint.State>> statesById = new LinkedHashMap<>();
    List<List<Endpoint>> snapshots = new CopyOnWriteArrayList<>();
    orchestrator.watch(
        (k, endpoints) -> {
          if (k.equals(key)) {
            snapshots.add(endpoints);
            synchronized (statesById) {
              for (Endpoint e : endpoints) {
                List<Endpoint.State> states =
                    statesById.computeIfAbsent(e.id(), id -> new ArrayList<>());
                if (states.isEmpty() || states.get(states.size() - 1) != e.state()) {
                  states.add(e.state());
                }
              }
            }
          }
        });
    orchestrator.apply(function);
    assertThat(orchestrator.currentScale(key)).isEqualTo(new Scale(0, 0));

    orchestrator.scale(key, 2);
    awaitReady(orchestrator, key, 2);
    for (Endpoint endpoint : orchestrator.current(key)) {
      assertThat(get(endpoint, "/")).isEqualTo("hello from " + endpoint.id());
    }
    assertThat(orchestrator.replicas(key))
        .allSatisfy(
            r -> {
              assertThat(r.pid()).isNotNull();
              assertThat(r.timeToReady()).isPositive();
            });

    orchestrator.scale(key, 0);
    await().atMost(WAIT).until(() -> orchestrator.replicas(key).isEmpty());
    await()
        .atMost(WAIT)
        .until(() -> !snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).isEmpty());
    assertThat(orchestrator.current(key)).isEmpty();
    synchronized (statesById) {
      assertThat(statesById).hasSize(2);
      assertThat(statesById.values())
          .allSatisfy(
              states ->
                  assertThat(states)
                      .containsExactly(
                          Endpoint.State.STARTING,
                          Endpoint.State.READY,
                          Endpoint.State.TERMINATING));
    }
  }

  @Test
  void manyReplicasGetDistinctPorts() throws Exception {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function a = TestFunctions.function("ports-a");
    Function b = TestFunctions.function("ports-b");
    orchestrator.apply(a);
    orchestrator.apply(b);
    orchestrator.scale(a.key(), 3);
    orchestrator.scale(b.key(), 3);
    awaitReady(orchestrator, a.key(), 3);
    awaitReady(orchestrator, b.key(), 3);
    Set<Integer> ports = new HashSet<>();
    for (FunctionKey key : List.of(a.key(), b.key())) {
      for (Endpoint endpoint : orchestrator.current(key)) {
        assertThat(ports.add(endpoint.port())).as("port %d used twice", endpoint.port()).isTrue();
        assertThat(get(endpoint, "/")).isEqualTo("hello from " + endpoint.id());
      }
    }
    assertThat(ports).hasSize(6);
  }

  @Test
  void aReplicaKilledWithSigkillIsReplaced() {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function function = TestFunctions.function("crashy");
    FunctionKey key = applyWithOneReplica(orchestrator, function);
    awaitReady(orchestrator, key, 1);
    ReplicaInfo victim = orchestrator.replicas(key).get(0);

    ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.current(key))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.id()).isNotEqualTo(victim.id());
                          assertThat(e.isReady()).isTrue();
                        }));
    assertThat(orchestrator.currentScale(key)).isEqualTo(new Scale(1, 1));
  }

  @Test
  void stopWaitsForInFlightRequestsBeforeSigterm() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    LocalOrchestrator orchestrator =
        open(new LocalOrchestrator(config(), (key, endpointId) -> inFlight.get()));
    Function function = TestFunctions.function("drain");
    FunctionKey key = applyWithOneReplica(orchestrator, function);
    awaitReady(orchestrator, key, 1);
    Endpoint endpoint = orchestrator.current(key).get(0);
    ProcessHandle process = ProcessHandle.of(orchestrator.replicas(key).get(0).pid()).orElseThrow();

    inFlight.set(1);
    orchestrator.scale(key, 0);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.current(key))
                    .singleElement()
                    .extracting(Endpoint::state)
                    .isEqualTo(Endpoint.State.TERMINATING));
    // While a request is in flight the replica keeps running and answering.
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(process::isAlive);
    assertThat(get(endpoint, "/")).isEqualTo("hello from " + endpoint.id());

    inFlight.set(0);
    await().atMost(WAIT).until(() -> !process.isAlive());
    await().atMost(WAIT).until(() -> orchestrator.current(key).isEmpty());
  }

  @Test
  void aCommandThatExitsAtOnceIsRetriedWithBackoffAndReported() {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function function = TestFunctions.function("broken", Map.of("EXIT_AT_ONCE", "1"));
    FunctionKey key = applyWithOneReplica(orchestrator, function);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.lastStartFailure(key))
                    .hasValueSatisfying(
                        failure -> {
                          assertThat(failure.failuresInARow()).isGreaterThanOrEqualTo(3);
                          assertThat(failure.reason())
                              .contains("exited with code 3", "zeroscale logs broken");
                          assertThat(failure.retryAt()).isAfter(failure.at());
                        }));
    assertThat(orchestrator.currentScale(key)).isEqualTo(new Scale(1, 0));
    assertThat(orchestrator.logs().tail(key, 100))
        .anyMatch(l -> l.endsWith("exiting at once as asked"));

    // Fixing the spec clears the failure and the function comes up.
    orchestrator.apply(TestFunctions.function("broken"));
    awaitReady(orchestrator, key, 1);
  }

  @Test
  void aReplicaThatNeverAnswersIsKilledAfterTheStartTimeout() {
    LocalOrchestrator orchestrator =
        open(new LocalOrchestrator(config().withStartTimeout(Duration.ofMillis(300))));
    Function function = TestFunctions.function("slow", Map.of("STARTUP_DELAY_MS", "60000"));
    FunctionKey key = applyWithOneReplica(orchestrator, function);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.lastStartFailure(key))
                    .hasValueSatisfying(
                        f -> assertThat(f.reason()).contains("did not answer GET /")));
  }

  @Test
  void desiredScaleSurvivesANewOrchestratorOnTheSameDataDir() {
    Function function = TestFunctions.function("durable");
    FunctionKey key = function.key();
    LocalOrchestrator first = open(new LocalOrchestrator(config()));
    first.apply(function);
    first.scale(key, 1);
    awaitReady(first, key, 1);
    first.close();

    LocalOrchestrator second = open(new LocalOrchestrator(config()));
    assertThat(second.desiredScales()).containsEntry(key, 1);
    second.apply(function);
    awaitReady(second, key, 1);

    second.delete(key);
    await().atMost(WAIT).until(() -> second.current(key).isEmpty());
    assertThat(second.currentScale(key)).isEqualTo(Scale.NONE);
    second.close();
    assertThat(new LocalOrchestrator(config()).desiredScales()).doesNotContainKey(key);
  }

  @Test
  void closeLeavesNoProcessBehind() {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function function = TestFunctions.function("orphans");
    orchestrator.apply(function);
    orchestrator.scale(function.key(), 2);
    awaitReady(orchestrator, function.key(), 2);
    List<ProcessHandle> processes =
        orchestrator.replicas(function.key()).stream()
            .map(r -> ProcessHandle.of(r.pid()).orElseThrow())
            .toList();

    orchestrator.close();

    assertThat(processes).noneMatch(ProcessHandle::isAlive);
    assertThat(dataDir.resolve("run/test/orphans").toFile().list()).isEmpty();
  }

  @Test
  void replicaOutputIsReadableThroughReplicaLogs() {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function function = TestFunctions.function("chatty");
    orchestrator.apply(function);
    orchestrator.scale(function.key(), 1);
    awaitReady(orchestrator, function.key(), 1);
    String id = orchestrator.current(function.key()).get(0).id();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.logs().tail(function.key(), 10))
                    .contains(
                        "[" + id + "] test function starting replica=" + id,
                        "["
                            + id
                            + "] listening port="
                            + orchestrator.current(function.key()).get(0).port()
                            + " replica="
                            + id));
  }

  @Test
  void aScalingOrTimeoutChangeKeepsTheRunningReplicas() {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function v1 = TestFunctions.function("steady", "30s", new ScalingSpec(0, 10, 10, 0, "30s"));
    FunctionKey key = v1.key();
    orchestrator.apply(v1);
    orchestrator.scale(key, 2);
    awaitReady(orchestrator, key, 2);
    Map<String, Long> before = pidsById(orchestrator, key);

    orchestrator.apply(TestFunctions.function("steady", "5s", new ScalingSpec(1, 3, 2, 4, "10s")));
    orchestrator.apply(TestFunctions.function("steady", "7s", new ScalingSpec(0, 5, 1, 0, "1m")));

    // Had the change rolled the replicas, new ones would be starting within a few probe intervals.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(pidsById(orchestrator, key))
                  .as("replica ids and pids after a scaling/timeout-only change")
                  .isEqualTo(before);
              assertThat(orchestrator.currentScale(key)).isEqualTo(new Scale(2, 2));
            });
    assertThat(before.values()).allMatch(pid -> ProcessHandle.of(pid).isPresent());
  }

  private static Map<String, Long> pidsById(LocalOrchestrator orchestrator, FunctionKey key) {
    Map<String, Long> pids = new TreeMap<>();
    orchestrator.replicas(key).forEach(r -> pids.put(r.id(), r.pid()));
    return pids;
  }

  @Test
  void aReplicaCrashingRightAfterReadyIsReplacedWithGrowingBackoff() {
    LocalBackendConfig config = config();
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config));
    Function function =
        TestFunctions.function("crashloop", Map.of("EXIT_AFTER_FIRST_REQUEST_MS", "1000"));
    FunctionKey key = applyWithOneReplica(orchestrator, function);

    Map<Integer, StartFailure> failures = new ConcurrentHashMap<>();
    Map<String, Instant> startedById = new ConcurrentHashMap<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> {
              orchestrator
                  .lastStartFailure(key)
                  .ifPresent(f -> failures.putIfAbsent(f.failuresInARow(), f));
              orchestrator.replicas(key).stream()
                  .filter(r -> r.startedAt() != null)
                  .forEach(r -> startedById.putIfAbsent(r.id(), r.startedAt()));
              return failures.containsKey(3);
            });

    for (int n = 1; n <= 3; n++) {
      StartFailure failure = failures.get(n);
      assertThat(failure).as("failure %d in a row was reported", n).isNotNull();
      assertThat(failure.reason())
          .contains("exited with code 4", "after becoming ready", "zeroscale logs crashloop");
      Duration expected =
          RestartBackoff.pauseAfter(n, config.restartBackoff(), config.maxRestartBackoff());
      assertThat(Duration.between(failure.at(), failure.retryAt()))
          .as("pause after failure %d", n)
          .isEqualTo(expected);
    }
    assertThat(Duration.between(failures.get(3).at(), failures.get(3).retryAt()))
        .isGreaterThan(Duration.between(failures.get(1).at(), failures.get(1).retryAt()));
    // Not a tight loop: every replacement was launched only once the pause before it was over.
    for (int n = 1; n <= 2; n++) {
      StartFailure failure = failures.get(n);
      assertThat(startedById.values())
          .as("replicas launched between failure %d and its retryAt", n)
          .noneMatch(t -> t.isAfter(failure.at()) && t.isBefore(failure.retryAt()));
    }
    assertThat(orchestrator.logs().tail(key, 200)).anyMatch(l -> l.endsWith("crashing as asked"));
  }

  @Test
  void aChangedSpecRollsTheReplicas() throws Exception {
    LocalOrchestrator orchestrator = open(new LocalOrchestrator(config()));
    Function v1 = TestFunctions.function("rolling", Map.of("VERSION", "1"));
    FunctionKey key = v1.key();
    orchestrator.apply(v1);
    orchestrator.scale(key, 1);
    awaitReady(orchestrator, key, 1);
    String oldId = orchestrator.current(key).get(0).id();

    orchestrator.apply(TestFunctions.function("rolling", Map.of("VERSION", "2")));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(orchestrator.current(key))
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.id()).isNotEqualTo(oldId);
                          assertThat(e.isReady()).isTrue();
                        }));
  }

  /** Applies the function and asks for one replica; returns its key. */
  private static FunctionKey applyWithOneReplica(
      LocalOrchestrator orchestrator, Function function) {
    orchestrator.apply(function);
    orchestrator.scale(function.key(), 1);
    return function.key();
  }
}
