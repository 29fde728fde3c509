package io.zeroscale.kubernetes.peers;

import static io.zeroscale.kubernetes.endpoints.Slices.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.zeroscale.kubernetes.endpoints.Slices;
import io.zeroscale.kubernetes.testing.ApiServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataPathDiscoveryTest {

  private ApiServer api;
  private DataPathDiscovery discovery;

  @BeforeEach
  void start() {
    api = ApiServer.start();
  }

  @AfterEach
  void stop() {
    if (discovery != null) {
      discovery.close();
    }
    api.close();
  }

  @Test
  void listsThePodsOfTheServiceWithTheirControlPort() {
    write(
        slice(
            "zeroscale",
            "zeroscale-data-path",
            List.of(
                pod("router-1", "10.0.0.1", true, true, false),
                pod("router-2", "10.0.0.2", false, true, true),
                pod("router-3", "10.0.0.3", false, false, false))));
    write(
        slice(
            "zeroscale", "zeroscale-router", List.of(pod("other", "10.0.0.9", true, true, false))));
    write(slice("team-a", "zeroscale-data-path", List.of(pod("x", "10.0.1.1", true, true, false))));

    discovery = new DataPathDiscovery(api.client(), "zeroscale", "zeroscale-data-path").start();

    assertThat(discovery.current())
        .as("every pod of that Service in that namespace: ready, terminating, not ready")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "router-1", URI.create("http://10.0.0.1:8081"),
                "router-2", URI.create("http://10.0.0.2:8081"),
                "router-3", URI.create("http://10.0.0.3:8081")));

    write(
        slice(
            "zeroscale",
            "zeroscale-data-path",
            List.of(pod("router-3", "10.0.0.3", true, true, false))));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(discovery.current())
                    .containsExactly(Map.entry("router-3", URI.create("http://10.0.0.3:8081"))));
  }

  private void write(EndpointSlice slice) {
    api.client().resource(slice).createOr(existing -> existing.update());
  }

  private static EndpointSlice slice(String namespace, String service, List<Endpoint> endpoints) {
    return Slices.slice(namespace, service, service + "-abc", "control", 8081, endpoints);
  }
}
