package io.zeroscale.kubernetes.reconcile;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The status a function should have given what a reconcile observed (pure: the time is an input).
 *
 * <ul>
 *   <li>{@code SpecValid}: {@code True/Accepted}, or {@code False/InvalidSpec} with every field
 *       problem in the message
 *   <li>{@code Ready}: {@code True} when requests are served or wait for a waking replica ({@code
 *       Serving}, {@code Starting}, {@code ScaledToZero}); {@code False} when the spec is invalid,
 *       the Deployment does not exist yet, or Kubernetes reports it stuck
 *   <li>{@code ScaledToZero}: {@code True/NoTraffic} when no replica is wanted or runs
 *   <li>{@code TriggerReady} (only for a function whose trigger is followed): the trigger's state
 *       as read ({@code True/LagReadable}, or {@code False} with why and what to fix), {@code
 *       Unknown/AwaitingLag} before the first read
 * </ul>
 *
 * A condition whose status is unchanged keeps its {@code lastTransitionTime}.
 */
public final class FunctionConditions {

  private FunctionConditions() {}

  public static FunctionStatus status(ObservedState seen, FunctionStatus previous, Instant now) {
    List<Condition> wanted = new ArrayList<>();
    wanted.add(specValid(seen));
    wanted.add(ready(seen));
    wanted.add(scaledToZero(seen));
    if (seen.triggerFollowed()) {
      wanted.add(TriggerStatus.condition(seen.trigger(), previous));
    }
    return new FunctionStatus(
        seen.generation(),
        seen.desired(),
        seen.ready(),
        seen.url(),
        keepTransitionTimes(previous, wanted, now));
  }

  private static Condition specValid(ObservedState seen) {
    if (seen.specValid()) {
      return condition(Condition.SPEC_VALID, true, "Accepted", "the spec is valid");
    }
    String problems =
        seen.specErrors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
    return condition(Condition.SPEC_VALID, false, "InvalidSpec", problems);
  }

  private static Condition ready(ObservedState seen) {
    if (!seen.specValid()) {
      String kept =
          seen.deploymentExists()
              ? "; the Deployment keeps running the last valid spec"
              : "; nothing is deployed";
      return condition(
          Condition.READY, false, "InvalidSpec", "fix the spec (see SpecValid)" + kept);
    }
    if (!seen.deploymentExists()) {
      return condition(Condition.READY, false, "Deploying", "the Deployment is being created");
    }
    if (seen.ready() > 0) {
      return condition(Condition.READY, true, "Serving", seen.ready() + " replica(s) ready");
    }
    if (seen.stuck().isPresent() && seen.desired() > 0) {
      return condition(Condition.READY, false, "ReplicaStartFailing", seen.stuck().get());
    }
    return condition(
        Condition.READY,
        true,
        seen.desired() > 0 ? "Starting" : "ScaledToZero",
        "requests wait in the activator until a replica answers");
  }

  private static Condition scaledToZero(ObservedState seen) {
    boolean atZero = seen.desired() == 0 && seen.ready() == 0;
    return condition(
        Condition.SCALED_TO_ZERO,
        atZero,
        atZero ? "NoTraffic" : "Running",
        atZero ? "no replica runs; the next request wakes one" : seen.ready() + " ready");
  }

  private static List<Condition> keepTransitionTimes(
      FunctionStatus previous, List<Condition> wanted, Instant now) {
    List<Condition> result = new ArrayList<>();
    for (Condition c : wanted) {
      Condition before =
          previous == null || previous.conditions() == null
              ? null
              : previous.conditions().stream()
                  .filter(p -> c.type().equals(p.type()))
                  .findFirst()
                  .orElse(null);
      String since =
          before != null && Objects.equals(before.status(), c.status())
              ? before.lastTransitionTime()
              : now.toString();
      result.add(new Condition(c.type(), c.status(), c.reason(), c.message(), since));
    }
    return result;
  }

  private static Condition condition(String type, boolean value, String reason, String message) {
    return new Condition(type, value ? "True" : "False", reason, message, null);
  }
}
