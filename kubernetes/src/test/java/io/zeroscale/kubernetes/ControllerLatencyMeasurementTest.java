package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.scale.KubernetesOrchestrator;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the controller and the orchestrator take against the in-JVM API server (CRUD
 * mock), which costs far less than a real one: a lower bound of the backend's own share. Excluded
 * from the build; run with {@code ./mvnw -B -ntp -pl kubernetes test -Dmeasurements.excluded=none
 * -Dgroups=measurement}.
 */
@Tag("measurement")
class ControllerLatencyMeasurementTest {

  private static final int WARM_UP = 5;
  private static final int RUNS = 40;

  @Test
  void functionCreatedToReadyStatusAndScaleToCache() throws Exception {
    List<Long> toStatus = new ArrayList<>();
    List<Long> scaleCall = new ArrayList<>();
    List<Long> scaleSeen = new ArrayList<>();
    KubernetesBackendConfig config = KubernetesBackendConfig.defaults();
    try (ApiServer api = ApiServer.start();
        var controller = new FunctionReconciler(api.client(), config, Clock.systemUTC()).start();
        var orchestrator = new KubernetesOrchestrator(api.client(), config).start()) {
      for (int i = 0; i < WARM_UP + RUNS; i++) {
        String name = "fn" + i;
        FunctionKey key = FunctionKey.of("default", name);
        long t0 = System.nanoTime();
        api.client()
            .resources(FunctionResource.class)
            .inNamespace("default")
            .resource(FunctionResource.of(SampleFunctions.hello("default", name, "img:1")))
            .create();
        waitUntil(() -> ready(api, name));
        long t1 = System.nanoTime();
        waitUntil(
            () ->
                orchestrator.currentScale(key).desired() == 0
                    && api.client().apps().deployments().inNamespace("default").withName(name).get()
                        != null);
        long t2 = System.nanoTime();
        orchestrator.scale(key, 2);
        long t3 = System.nanoTime();
        waitUntil(() -> orchestrator.currentScale(key).desired() == 2);
        long t4 = System.nanoTime();
        if (i >= WARM_UP) {
          toStatus.add(t1 - t0);
          scaleCall.add(t3 - t2);
          scaleSeen.add(t4 - t2);
        }
      }
    }
    System.out.println(
        "measurement Function created -> Ready status written: " + summary(toStatus));
    System.out.println("measurement Orchestrator.scale call: " + summary(scaleCall));
    System.out.println("measurement scale -> currentScale shows it: " + summary(scaleSeen));
    assertThat(toStatus).hasSize(RUNS);
  }

  private static boolean ready(ApiServer api, String name) {
    FunctionStatus s =
        api.client()
            .resources(FunctionResource.class)
            .inNamespace("default")
            .withName(name)
            .get()
            .getStatus();
    return s != null
        && s.conditions() != null
        && s.conditions().stream().anyMatch(c -> Condition.READY.equals(c.type()) && c.isTrue());
  }

  /** Polls every 0.1 ms, up to 10 s: the thing measured is the time until the condition holds. */
  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(0, 100_000);
    }
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "n=%d p50=%.1f ms p90=%.1f ms max=%.1f ms",
        sorted.size(),
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.9)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
