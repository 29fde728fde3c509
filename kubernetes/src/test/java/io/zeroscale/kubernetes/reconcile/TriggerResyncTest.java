package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which cached functions {@link TriggerResync} sends back to the reconciler. */
class TriggerResyncTest {

  private static final TriggerStatus READABLE =
      new TriggerStatus(true, "LagReadable", "consumer group 'g' on topics [orders]");
  private static final TriggerStatus NO_TOPIC =
      new TriggerStatus(false, "TopicNotFound", "topic 'orders' does not exist on kafka:9092");
  private static final Condition STORED_AWAITING = TriggerStatus.condition(Optional.empty());
  private static final Condition STORED_READABLE = TriggerStatus.condition(Optional.of(READABLE));
  private static final Condition STORED_NO_TOPIC = TriggerStatus.condition(Optional.of(NO_TOPIC));

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "no trigger in the spec", false, STORED_READABLE, Optional.of(NO_TOPIC), false),
        Arguments.of("no TriggerReady written yet", true, null, Optional.of(NO_TOPIC), false),
        Arguments.of("still not read", true, STORED_AWAITING, Optional.empty(), false),
        Arguments.of("first read failed", true, STORED_AWAITING, Optional.of(NO_TOPIC), true),
        Arguments.of("first read succeeded", true, STORED_AWAITING, Optional.of(READABLE), true),
        Arguments.of("unchanged failure", true, STORED_NO_TOPIC, Optional.of(NO_TOPIC), false),
        Arguments.of("unchanged success", true, STORED_READABLE, Optional.of(READABLE), false),
        Arguments.of("topic created", true, STORED_NO_TOPIC, Optional.of(READABLE), true),
        Arguments.of("topic deleted", true, STORED_READABLE, Optional.of(NO_TOPIC), true),
        Arguments.of(
            "same reason, another message",
            true,
            STORED_NO_TOPIC,
            Optional.of(
                new TriggerStatus(false, "TopicNotFound", "topic 'refunds' does not exist")),
            true),
        Arguments.of(
            "loop restarted, not read yet: the stored condition stands",
            true,
            STORED_READABLE,
            Optional.empty(),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void dueOnlyWhenTheStoredConditionDiffersFromTheTriggersStateNow(
      String name, boolean hasTrigger, Condition stored, Optional<TriggerStatus> now, boolean due) {
    FunctionResource cached = cached("orders-fn", hasTrigger, stored);

    List<FunctionKey> keys = TriggerResync.due(List.of(cached), key -> now);

    assertThat(keys).as(name).isEqualTo(due ? List.of(cached.key()) : List.of());
  }

  @Test
  void nothingIsDueWhenNoTriggerIsFollowed() {
    FunctionResource cached = cached("orders-fn", true, STORED_AWAITING);

    assertThat(TriggerResync.due(List.of(cached), TriggerHealth.NONE)).isEmpty();
  }

  @Test
  void onlyTheChangedFunctionsOfManyAreDue() {
    FunctionResource unchanged = cached("a", true, STORED_READABLE);
    FunctionResource changed = cached("b", true, STORED_READABLE);
    FunctionResource plain = cached("c", false, null);

    List<FunctionKey> keys =
        TriggerResync.due(
            List.of(unchanged, changed, plain),
            key -> Optional.of(key.name().equals("b") ? NO_TOPIC : READABLE));

    assertThat(keys).containsExactly(changed.key());
  }

  /** A function as the informer's cache holds it, with {@code stored} as its TriggerReady. */
  private static FunctionResource cached(String name, boolean hasTrigger, Condition stored) {
    Function hello = SampleFunctions.hello("default", name, "example.org/hello:1");
    Function function =
        hasTrigger
            ? SampleFunctions.withKafkaTrigger(hello, SampleFunctions.kafka("kafka:9092", "orders"))
            : hello;
    FunctionResource resource = FunctionResource.of(function);
    List<Condition> conditions =
        stored == null
            ? List.of(new Condition(Condition.READY, "True", "ScaledToZero", "-", "t0"))
            : List.of(
                new Condition(Condition.READY, "True", "ScaledToZero", "-", "t0"),
                new Condition(
                    stored.type(), stored.status(), stored.reason(), stored.message(), "t0"));
    resource.setStatus(new FunctionStatus(1L, 0, 0, "http://r/", conditions));
    return resource;
  }
}
