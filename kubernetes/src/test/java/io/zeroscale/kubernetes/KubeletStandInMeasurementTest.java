package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.FunctionResources;
import io.zeroscale.kubernetes.testing.KubeletStandIn;
import io.zeroscale.kubernetes.testing.replica.HelloReplica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the time from a {@code Function} created (minScale 1) to the first HTTP answer of its
 * replica, through the controller, the API server (CRUD mock), the kubelet stand-in and {@link
 * EndpointSliceEndpoints}: once probing the endpoint as soon as it is listed in any state (what the
 * activator does), once waiting for it to be READY (the kubelet's 1 s probe period decides that).
 * Excluded from the build; run with {@code ./mvnw -B -ntp -pl kubernetes test
 * -Dmeasurements.excluded=none -Dgroups=measurement -Dtest=KubeletStandInMeasurementTest}.
 */
@Tag("measurement")
class KubeletStandInMeasurementTest {

  private static final int WARM_UP = 2;
  private static final int RUNS = 10;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void functionCreatedToFirstAnswer() throws Exception {
    List<Long> probing = new ArrayList<>();
    List<Long> ready = new ArrayList<>();
    try (ApiServer api = ApiServer.start();
        var standIn =
            new KubeletStandIn(api.client(), Map.of(HelloReplica.IMAGE, HelloReplica.command()))
                .start();
        var endpoints =
            new EndpointSliceEndpoints(api.client(), FunctionResources.QUICK_STOPS).start();
        var controller =
            new FunctionReconciler(api.client(), FunctionResources.QUICK_STOPS, Clock.systemUTC())
                .start()) {
      for (int i = 0; i < WARM_UP + RUNS; i++) {
        for (boolean waitForReady : new boolean[] {false, true}) {
          FunctionKey key = FunctionKey.of("default", "fn" + i + (waitForReady ? "r" : "p"));
          long t0 = System.nanoTime();
          FunctionResources.createHelloReplica(api.client(), key);
          Endpoint endpoint =
              waitFor(
                  () ->
                      endpoints.current(key).stream()
                          .filter(e -> !waitForReady || e.isReady())
                          .findFirst());
          while (!answers(endpoint)) {
            Thread.sleep(10);
          }
          long t1 = System.nanoTime();
          if (i >= WARM_UP) {
            (waitForReady ? ready : probing).add(t1 - t0);
          }
          // No garbage collector here: the Function first (so the controller does not bring the
          // Deployment back), then the Deployment, whose pods the stand-in then stops.
          api.client()
              .resources(FunctionResource.class)
              .inNamespace("default")
              .withName(key.name())
              .delete();
          api.client().apps().deployments().inNamespace("default").withName(key.name()).delete();
        }
      }
    }
    System.out.println(
        "measurement Function created -> first answer, probing the endpoint as soon as listed: "
            + summary(probing));
    System.out.println(
        "measurement Function created -> first answer at a READY endpoint: " + summary(ready));
    assertThat(ready).hasSize(RUNS);
  }

  private boolean answers(Endpoint endpoint) throws InterruptedException {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create("http://" + endpoint.address() + "/"))
                      .timeout(Duration.ofSeconds(1))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Polls every 1 ms, up to 30 s: what is measured is the time until it holds. */
  private static <T> T waitFor(Supplier<Optional<T>> value) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Optional<T> v;
    while ((v = value.get()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not there within 30 s");
      }
      Thread.sleep(1);
    }
    return v.get();
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "n=%d p50=%.0f ms p90=%.0f ms max=%.0f ms",
        sorted.size(),
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.9)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
