package io.zeroscale.kubernetes.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.FunctionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionConditionsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:01:00Z");
  private static final List<FieldError> VALID = List.of();
  private static final List<FieldError> TWO_ERRORS =
      List.of(
          new FieldError("spec.port", "must be between 1 and 65535, was 0"),
          new FieldError(
              "spec.image", "is required on the Kubernetes backend (a container image)"));

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            "invalid, nothing deployed",
            seen(TWO_ERRORS, false, 0, 0, null),
            "False/InvalidSpec",
            "False/InvalidSpec",
            "True/NoTraffic"),
        Arguments.of(
            "invalid, last valid spec still deployed",
            seen(TWO_ERRORS, true, 2, 2, null),
            "False/InvalidSpec",
            "False/InvalidSpec",
            "False/Running"),
        Arguments.of(
            "valid, Deployment not created yet",
            seen(VALID, false, 0, 0, null),
            "True/Accepted",
            "False/Deploying",
            "True/NoTraffic"),
        Arguments.of(
            "valid, at zero",
            seen(VALID, true, 0, 0, null),
            "True/Accepted",
            "True/ScaledToZero",
            "True/NoTraffic"),
        Arguments.of(
            "valid, waking",
            seen(VALID, true, 1, 0, null),
            "True/Accepted",
            "True/Starting",
            "False/Running"),
        Arguments.of(
            "valid, serving",
            seen(VALID, true, 3, 2, null),
            "True/Accepted",
            "True/Serving",
            "False/Running"),
        Arguments.of(
            "valid, pods cannot start",
            seen(VALID, true, 1, 0, "ReplicaSet hello-1 has timed out progressing."),
            "True/Accepted",
            "False/ReplicaStartFailing",
            "False/Running"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void conditionsFollowWhatWasObserved(
      String name, ObservedState seen, String specValid, String ready, String atZero) {
    FunctionStatus status = FunctionConditions.status(seen, null, T0);

    assertThat(status.conditions())
        .extracting(c -> c.type() + "=" + c.status() + "/" + c.reason())
        .containsExactly("SpecValid=" + specValid, "Ready=" + ready, "ScaledToZero=" + atZero);
    assertThat(status.observedGeneration()).isEqualTo(7L);
    assertThat(status.replicas()).isEqualTo(seen.desired());
    assertThat(status.readyReplicas()).isEqualTo(seen.ready());
  }

  @Test
  void anInvalidSpecNamesEveryFieldProblem() {
    FunctionStatus status =
        FunctionConditions.status(seen(TWO_ERRORS, false, 0, 0, null), null, T0);

    assertThat(condition(status, Condition.SPEC_VALID).message())
        .isEqualTo(
            "spec.port: must be between 1 and 65535, was 0; "
                + "spec.image: is required on the Kubernetes backend (a container image)");
  }

  @Test
  void aConditionKeepsItsTransitionTimeWhileItsStatusHolds() {
    FunctionStatus first = FunctionConditions.status(seen(VALID, true, 1, 0, null), null, T0);
    FunctionStatus second = FunctionConditions.status(seen(VALID, true, 1, 1, null), first, T1);

    assertThat(condition(second, Condition.READY).reason()).isEqualTo("Serving");
    assertThat(condition(second, Condition.READY).lastTransitionTime()).isEqualTo(T0.toString());
    FunctionStatus third = FunctionConditions.status(seen(VALID, true, 0, 0, null), second, T1);
    assertThat(condition(third, Condition.SCALED_TO_ZERO).lastTransitionTime())
        .isEqualTo(T1.toString());
  }

  @Test
  void theSameObservationGivesTheSameStatus() {
    FunctionStatus first = FunctionConditions.status(seen(VALID, true, 1, 1, null), null, T0);

    assertThat(FunctionConditions.status(seen(VALID, true, 1, 1, null), first, T1))
        .isEqualTo(first);
  }

  private static ObservedState seen(
      List<FieldError> errors, boolean exists, int desired, int ready, String stuck) {
    return new ObservedState(
        7L,
        errors,
        exists,
        desired,
        ready,
        Optional.ofNullable(stuck),
        "http://r/fn/default/hello/");
  }

  private static Condition condition(FunctionStatus status, String type) {
    return status.conditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
