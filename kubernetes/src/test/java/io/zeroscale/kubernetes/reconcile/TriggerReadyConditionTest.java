package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code TriggerReady} condition {@link FunctionConditions} derives from a trigger's state. */
class TriggerReadyConditionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
  private static final TriggerStatus READABLE =
      new TriggerStatus(
          true, "LagReadable", "consumer group 'g' on topics [orders] (3 partitions)");
  private static final TriggerStatus NO_TOPIC =
      new TriggerStatus(false, "TopicNotFound", "topic 'ordrs' does not exist on kafka:9092");
  private static final TriggerStatus NO_BROKER =
      new TriggerStatus(false, "BrokersUnreachable", "no broker of kafka:9092 answered");

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "not read yet", Optional.empty(), "Unknown/AwaitingLag", "has not read the trigger"),
        Arguments.of("lag readable", Optional.of(READABLE), "True/LagReadable", READABLE.message()),
        Arguments.of(
            "topic missing", Optional.of(NO_TOPIC), "False/TopicNotFound", NO_TOPIC.message()),
        Arguments.of(
            "brokers unreachable",
            Optional.of(NO_BROKER),
            "False/BrokersUnreachable",
            NO_BROKER.message()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void aFollowedTriggerGetsItsStateAsTheFourthCondition(
      String name, Optional<TriggerStatus> state, String expected, String message) {
    FunctionStatus status = FunctionConditions.status(atZero().withTrigger(state), null, T0);

    assertThat(status.conditions())
        .extracting(Condition::type)
        .containsExactly(
            Condition.SPEC_VALID,
            Condition.READY,
            Condition.SCALED_TO_ZERO,
            Condition.TRIGGER_READY);
    Condition trigger = triggerReady(status);
    assertThat(trigger.status() + "/" + trigger.reason()).isEqualTo(expected);
    assertThat(trigger.message()).contains(message);
    assertThat(status.observedGeneration()).isEqualTo(4L);
  }

  @Test
  void aFunctionWhoseTriggerIsNotFollowedGetsNoTriggerReady() {
    FunctionStatus status = FunctionConditions.status(atZero(), null, T0);

    assertThat(status.conditions()).extracting(Condition::type).doesNotContain("TriggerReady");
  }

  @Test
  void anotherReasonForTheSameStatusKeepsTheTransitionTimeAndReadyAgainMovesIt() {
    FunctionStatus missing =
        FunctionConditions.status(atZero().withTrigger(Optional.of(NO_TOPIC)), null, T0);
    FunctionStatus unreachable =
        FunctionConditions.status(atZero().withTrigger(Optional.of(NO_BROKER)), missing, T1);
    FunctionStatus readable =
        FunctionConditions.status(atZero().withTrigger(Optional.of(READABLE)), unreachable, T1);

    assertThat(triggerReady(unreachable).reason()).isEqualTo("BrokersUnreachable");
    assertThat(triggerReady(unreachable).lastTransitionTime()).isEqualTo(T0.toString());
    assertThat(triggerReady(readable).lastTransitionTime()).isEqualTo(T1.toString());
  }

  @Test
  void beforeANewLoopsFirstReadTheLastReadingStandsWithItsTransitionTime() {
    FunctionStatus missing =
        FunctionConditions.status(atZero().withTrigger(Optional.of(NO_TOPIC)), null, T0);

    FunctionStatus afterHandOver =
        FunctionConditions.status(atZero().withTrigger(Optional.empty()), missing, T1);

    assertThat(triggerReady(afterHandOver)).isEqualTo(triggerReady(missing));
    assertThat(triggerReady(afterHandOver).reason()).isEqualTo("TopicNotFound");
    assertThat(triggerReady(afterHandOver).lastTransitionTime()).isEqualTo(T0.toString());
  }

  private static ObservedState atZero() {
    return new ObservedState(4L, List.of(), true, 0, 0, Optional.empty(), "http://r/fn/d/f/");
  }

  private static Condition triggerReady(FunctionStatus status) {
    return status.conditions().stream()
        .filter(c -> c.type().equals(Condition.TRIGGER_READY))
        .findFirst()
        .orElseThrow();
  }
}
