package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler writes {@code TriggerReady} for Kafka-triggered functions from the {@link
 * TriggerHealth} it is given, follows that state without any Kubernetes event, and writes the
 * status once per change, never while the state stands still.
 */
class TriggerReadyReconcilerTest {

  private static final FunctionKey ORDERS = FunctionKey.of("default", "orders-fn");
  private static final FunctionKey PLAIN = FunctionKey.of("default", "plain-fn");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration RESYNC = Duration.ofMillis(100);
  private static final TriggerStatus NO_TOPIC =
      new TriggerStatus(
          false,
          "TopicNotFound",
          "topic 'orders' does not exist on kafka.infra:9092; create it or fix"
              + " spec.triggers.kafka.topics");
  private static final TriggerStatus READABLE =
      new TriggerStatus(
          true,
          "LagReadable",
          "consumer group 'zeroscale-default-orders-fn' on topics [orders] (3 partitions) at"
              + " kafka.infra:9092");

  private final Triggers triggers = new Triggers();
  private ApiServer api;
  private FunctionReconciler reconciler;

  @AfterEach
  void stop() {
    if (reconciler != null) {
      reconciler.close();
    }
    api.close();
  }

  @Test
  void aKafkaFunctionAwaitsTheFirstReadThenShowsEachStateWithoutAKubernetesEvent() {
    start(triggers);
    create(ordersFunction());

    await().atMost(WAIT).until(() -> triggerReady(ORDERS) != null);
    assertThat(summary(triggerReady(ORDERS))).isEqualTo("Unknown/AwaitingLag");
    FunctionResource stored = resource(ORDERS);
    assertThat(stored.getStatus().observedGeneration())
        .isEqualTo(stored.getMetadata().getGeneration());

    triggers.set(ORDERS, NO_TOPIC);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(summary(triggerReady(ORDERS))).isEqualTo("False/TopicNotFound"));
    assertThat(triggerReady(ORDERS).message()).contains("topic 'orders' does not exist");

    triggers.set(ORDERS, READABLE);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(summary(triggerReady(ORDERS))).isEqualTo("True/LagReadable"));
    assertThat(resource(ORDERS).getStatus().conditions())
        .extracting(Condition::type)
        .containsExactly(
            Condition.SPEC_VALID,
            Condition.READY,
            Condition.SCALED_TO_ZERO,
            Condition.TRIGGER_READY);
  }

  @Test
  void aFunctionWithoutATriggerGetsNoTriggerReady() {
    start(triggers);
    create(SampleFunctions.hello("default", PLAIN.name(), "example.org/hello:1"));
    create(ordersFunction());

    await().atMost(WAIT).until(() -> triggerReady(ORDERS) != null && status(PLAIN) != null);

    assertThat(status(PLAIN).conditions())
        .extracting(Condition::type)
        .containsExactly(Condition.SPEC_VALID, Condition.READY, Condition.SCALED_TO_ZERO);
  }

  @Test
  void eachChangeIsWrittenOnceAndAStandingStateSendsNothingToTheApiServer() {
    start(triggers);
    create(ordersFunction());
    await().atMost(WAIT).until(() -> triggerReady(ORDERS) != null);
    // Let the reconciles of the creation's own events (Deployment created, status written) pass.
    triggers.awaitResyncs(3);
    int beforeChange = api.requests().size();

    triggers.set(ORDERS, NO_TOPIC);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(summary(triggerReady(ORDERS))).isEqualTo("False/TopicNotFound"));
    // The status write comes back as a watch event, whose reconcile (finding nothing to do) runs
    // on the queue's thread before the resyncs that follow it.
    triggers.awaitResyncs(3);
    int settled = api.requests().size();
    triggers.awaitResyncs(10);

    assertThat(api.writesSince(beforeChange))
        .as("writes for one change of the trigger's state, then 13 resyncs of it unchanged")
        .singleElement()
        .satisfies(w -> assertThat(w).matches("PUT .*/functions/orders-fn/status"));
    assertThat(api.requests().subList(settled, api.requests().size()))
        .as("requests while the trigger's state stood still (no reconcile ran)")
        .noneMatch(r -> r.contains("orders-fn"));
  }

  @Test
  void aNewFunctionsStatusIsWrittenOnceThoughItsOwnEventsReconcileItAgainOnAStaleCache() {
    start(triggers);
    create(ordersFunction());
    await().atMost(WAIT).until(() -> triggerReady(ORDERS) != null);

    triggers.awaitResyncs(3);

    assertThat(api.requests())
        .as("status writes of a new function (real clock: transition times differ per reconcile)")
        .filteredOn(r -> r.matches("PUT .*/functions/orders-fn/status"))
        .hasSize(1);
  }

  @Test
  void aReconcilerFollowingNoTriggerWritesNoTriggerReady() {
    start(TriggerHealth.NONE);
    create(ordersFunction());

    await().atMost(WAIT).until(() -> status(ORDERS) != null);

    assertThat(status(ORDERS).conditions())
        .extracting(Condition::type)
        .doesNotContain(Condition.TRIGGER_READY);
  }

  private void start(TriggerHealth health) {
    api = ApiServer.start();
    reconciler =
        new FunctionReconciler(
                api.client(),
                KubernetesBackendConfig.defaults().withTriggerResync(RESYNC),
                Clock.systemUTC(),
                health)
            .start();
  }

  private static Function ordersFunction() {
    return SampleFunctions.withKafkaTrigger(
        SampleFunctions.hello("default", ORDERS.name(), "example.org/orders:1"),
        SampleFunctions.kafka("kafka.infra:9092", "orders"));
  }

  private void create(Function function) {
    api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .resource(FunctionResource.of(function))
        .create();
  }

  private FunctionResource resource(FunctionKey key) {
    return api.client()
        .resources(FunctionResource.class)
        .inNamespace(key.namespace())
        .withName(key.name())
        .get();
  }

  private FunctionStatus status(FunctionKey key) {
    FunctionStatus status = resource(key).getStatus();
    return status == null || status.conditions() == null || status.conditions().isEmpty()
        ? null
        : status;
  }

  private Condition triggerReady(FunctionKey key) {
    FunctionStatus status = status(key);
    return status == null
        ? null
        : status.conditions().stream()
            .filter(c -> c.type().equals(Condition.TRIGGER_READY))
            .findFirst()
            .orElse(null);
  }

  private static String summary(Condition c) {
    return c == null ? null : c.status() + "/" + c.reason();
  }

  /**
   * What the platform's autoscaler would report, set by the test; counts the reconciler's
   * questions, so a test can wait for resyncs to have happened rather than for time to pass.
   */
  private static final class Triggers implements TriggerHealth {
    private final Map<FunctionKey, TriggerStatus> states = new ConcurrentHashMap<>();
    private final AtomicInteger asked = new AtomicInteger();

    void set(FunctionKey key, TriggerStatus state) {
      states.put(key, state);
    }

    /** Waits until the reconciler asked {@code n} more times (once per function per resync). */
    void awaitResyncs(int n) {
      int target = asked.get() + n;
      await().atMost(WAIT).until(() -> asked.get() >= target);
    }

    @Override
    public Optional<TriggerStatus> of(FunctionKey key) {
      asked.incrementAndGet();
      return Optional.ofNullable(states.get(key));
    }
  }
}
