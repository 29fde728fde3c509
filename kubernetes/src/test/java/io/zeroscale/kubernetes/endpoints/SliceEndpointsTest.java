package io.zeroscale.kubernetes.endpoints;

import static io.zeroscale.kubernetes.endpoints.Slices.pod;
import static io.zeroscale.kubernetes.endpoints.Slices.slice;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoint.State;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SliceEndpointsTest {

  @ParameterizedTest(name = "ready={0} serving={1} terminating={2} -> {3}")
  @CsvSource(
      nullValues = "unset",
      value = {
        // a pod that answers its readiness probe
        "true,  true,  false, READY",
        // the API says to read an unknown ready as ready
        "unset, unset, unset, READY",
        // a pod that exists and has an address but does not answer yet: the activator may probe it
        "false, false, false, STARTING",
        "false, false, unset, STARTING",
        // going away but still serving: no new requests, in-flight ones finish
        "false, true,  true,  TERMINATING",
        // going away and no longer serving: still listed so its in-flight requests stay countable
        "false, false, true,  TERMINATING",
      })
  void mapsConditionsOntoStates(Boolean ready, Boolean serving, Boolean terminating, State state) {
    assertThat(SliceEndpoints.state(new EndpointConditions(ready, serving, terminating)))
        .isEqualTo(state);
  }

  @Test
  void endpointsWithoutConditionsAreReady() {
    assertThat(SliceEndpoints.state(null)).isEqualTo(State.READY);
  }

  @Test
  void mergesSlicesCountingAnEndpointInTwoSlicesOnce() {
    var a =
        slice(
            "default", "hello", "hello-a", List.of(pod("hello-1", "10.0.0.1", true, true, false)));
    var b =
        slice(
            "default",
            "hello",
            "hello-b",
            List.of(
                pod("hello-1", "10.0.0.1", true, true, false),
                pod("hello-2", "10.0.0.2", false, false, false)));

    assertThat(SliceEndpoints.of(List.of(a, b)))
        .containsExactly(
            new Endpoint("hello-1", "10.0.0.1", 8080, State.READY),
            new Endpoint("hello-2", "10.0.0.2", 8080, State.STARTING));
  }

  @Test
  void skipsEndpointsWithoutAddressAndSlicesWithoutPort() {
    var noAddress =
        slice("default", "hello", "hello-a", List.of(pod("hello-1", null, true, true, false)));
    noAddress.getEndpoints().get(0).setAddresses(List.of());
    var noPort =
        slice(
            "default", "hello", "hello-b", List.of(pod("hello-2", "10.0.0.2", true, true, false)));
    noPort.setPorts(List.of());

    assertThat(SliceEndpoints.of(List.of(noAddress, noPort))).isEmpty();
  }
}
