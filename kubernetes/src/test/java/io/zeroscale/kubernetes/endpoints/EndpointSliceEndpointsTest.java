package io.zeroscale.kubernetes.endpoints;

import static io.zeroscale.kubernetes.endpoints.Slices.pod;
import static io.zeroscale.kubernetes.endpoints.Slices.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoint.State;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.testing.ApiServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointSliceEndpointsTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  private ApiServer api;
  private EndpointSliceEndpoints endpoints;

  @BeforeEach
  void start() {
    api = ApiServer.start();
  }

  @AfterEach
  void stop() {
    if (endpoints != null) {
      endpoints.close();
    }
    api.close();
  }

  @Test
  void followsAPodFromStartingToReadyToTerminatingToGone() {
    endpoints =
        new EndpointSliceEndpoints(api.client(), KubernetesBackendConfig.defaults()).start();
    List<String> seen = new CopyOnWriteArrayList<>();
    endpoints.watch(
        (key, list) ->
            seen.add(key + " " + list.stream().map(e -> e.id() + "=" + e.state()).toList()));

    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", false, false, false))));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(endpoints.current(HELLO))
                    .containsExactly(new Endpoint("hello-1", "10.0.0.1", 8080, State.STARTING)));

    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", true, true, false))));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(endpoints.current(HELLO))
                    .containsExactly(new Endpoint("hello-1", "10.0.0.1", 8080, State.READY)));

    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", false, true, true))));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(endpoints.current(HELLO))
                    .containsExactly(new Endpoint("hello-1", "10.0.0.1", 8080, State.TERMINATING)));

    api.client()
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace("default")
        .withName("hello-abc")
        .delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(seen)
                    .containsExactly(
                        "default/hello [hello-1=STARTING]",
                        "default/hello [hello-1=READY]",
                        "default/hello [hello-1=TERMINATING]",
                        "default/hello []"));
    assertThat(endpoints.current(HELLO)).isEmpty();
  }

  @Test
  void aNewWatcherGetsASnapshotOfEveryFunctionFirst() {
    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", true, true, false))));
    write(
        slice(
            "team-a", "echo", "echo-abc", List.of(pod("echo-1", "10.0.1.1", false, false, false))));
    endpoints =
        new EndpointSliceEndpoints(api.client(), KubernetesBackendConfig.defaults()).start();
    List<String> seen = new CopyOnWriteArrayList<>();

    endpoints.watch((key, list) -> seen.add(key + " " + list.size()));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(seen).containsExactlyInAnyOrder("default/hello 1", "team-a/echo 1"));
  }

  @Test
  void ignoresSlicesOfServicesThatAreNotFunctions() {
    EndpointSlice other =
        slice(
            "default",
            "database",
            "database-abc",
            List.of(pod("db-1", "10.0.0.9", true, true, false)));
    other.getMetadata().getLabels().remove("zeroscale.io/function");
    write(other);
    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", true, true, false))));

    endpoints =
        new EndpointSliceEndpoints(api.client(), KubernetesBackendConfig.defaults()).start();

    assertThat(endpoints.current(HELLO)).hasSize(1);
    assertThat(endpoints.current(FunctionKey.of("default", "database"))).isEmpty();
  }

  @Test
  void watchesOneNamespaceWhenConfiguredSo() {
    write(
        slice(
            "default",
            "hello",
            "hello-abc",
            List.of(pod("hello-1", "10.0.0.1", true, true, false))));
    write(
        slice("team-a", "echo", "echo-abc", List.of(pod("echo-1", "10.0.1.1", true, true, false))));

    endpoints =
        new EndpointSliceEndpoints(
                api.client(), KubernetesBackendConfig.defaults().withNamespace("team-a"))
            .start();

    assertThat(endpoints.current(FunctionKey.of("team-a", "echo"))).hasSize(1);
    assertThat(endpoints.current(HELLO)).isEmpty();
  }

  /** Creates or replaces a slice, as the EndpointSlice controller would (the mock has no SSA). */
  private void write(EndpointSlice slice) {
    api.client()
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace(slice.getMetadata().getNamespace())
        .resource(slice)
        .createOr(NonDeletingOperation::update);
  }
}
