package io.zeroscale.platform.controller;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives a function's status from what the backend reports and writes it only when it changed, so
 * that watchers see one event per real change.
 */
public final class StatusWriter {

  /** Why a function's replicas fail to start, if they do (backend-specific). */
  @FunctionalInterface
  public interface StartFailures {
    StartFailures NONE = key -> Optional.empty();

    Optional<String> lastFailure(FunctionKey key);
  }

  /** How a function's trigger is doing, for functions that have one (the autoscaler reads it). */
  @FunctionalInterface
  public interface TriggerHealth {
    TriggerHealth NONE = key -> Optional.empty();

    Optional<TriggerStatus> of(FunctionKey key);
  }

  private final FunctionCatalog catalog;
  private final Orchestrator orchestrator;
  private final StartFailures failures;
  private final TriggerHealth triggers;
  private final FunctionUrls urls;
  private final Clock clock;

  public StatusWriter(
      FunctionCatalog catalog,
      Orchestrator orchestrator,
      StartFailures failures,
      TriggerHealth triggers,
      FunctionUrls urls,
      Clock clock) {
    this.catalog = catalog;
    this.orchestrator = orchestrator;
    this.failures = failures;
    this.triggers = triggers;
    this.urls = urls;
    this.clock = clock;
  }

  /** Writes the observed status of an applied function if it differs from the stored one. */
  public void write(Function function) {
    FunctionKey key = function.key();
    Orchestrator.Scale scale = orchestrator.currentScale(key);
    Optional<String> failure = failures.lastFailure(key);
    List<Condition> wanted = new ArrayList<>();
    if (scale.ready() > 0) {
      wanted.add(condition(Condition.READY, true, "Serving", scale.ready() + " replica(s) ready"));
    } else if (failure.isPresent() && scale.desired() > 0) {
      wanted.add(condition(Condition.READY, false, "ReplicaStartFailing", failure.get()));
    } else {
      wanted.add(
          condition(
              Condition.READY,
              true,
              scale.desired() > 0 ? "Starting" : "ScaledToZero",
              "requests wait in the activator until a replica answers"));
    }
    boolean atZero = scale.desired() == 0 && scale.ready() == 0;
    wanted.add(
        condition(
            Condition.SCALED_TO_ZERO,
            atZero,
            atZero ? "NoTraffic" : "Running",
            atZero ? "no replica runs; the next request wakes one" : scale.ready() + " ready"));
    if (function.spec().kafkaTrigger() != null) {
      wanted.add(TriggerStatus.condition(triggers.of(key), function.status()));
    }
    store(function, scale, wanted);
  }

  /** Records that the backend could not apply the spec. */
  public void writeFailure(Function function, String reason, String message) {
    Orchestrator.Scale scale = orchestrator.currentScale(function.key());
    store(function, scale, List.of(condition(Condition.READY, false, reason, message)));
  }

  private void store(Function function, Orchestrator.Scale scale, List<Condition> wanted) {
    FunctionStatus old = function.status();
    List<Condition> conditions = keepTransitionTimes(old, wanted);
    FunctionStatus status =
        new FunctionStatus(
            function.metadata().generation(),
            scale.desired(),
            scale.ready(),
            urls.pathUrl(function.key()),
            conditions);
    if (!status.equals(old)) {
      catalog.updateStatus(function.key(), status);
    }
  }

  private List<Condition> keepTransitionTimes(FunctionStatus old, List<Condition> wanted) {
    List<Condition> result = new ArrayList<>();
    String now = clock.instant().toString();
    for (Condition c : wanted) {
      Condition previous =
          old == null || old.conditions() == null
              ? null
              : old.conditions().stream()
                  .filter(p -> p.type().equals(c.type()))
                  .findFirst()
                  .orElse(null);
      boolean same =
          previous != null
              && Objects.equals(previous.status(), c.status())
              && Objects.equals(previous.reason(), c.reason())
              && Objects.equals(previous.message(), c.message());
      result.add(
          same
              ? previous
              : new Condition(
                  c.type(),
                  c.status(),
                  c.reason(),
                  c.message(),
                  previous != null && Objects.equals(previous.status(), c.status())
                      ? previous.lastTransitionTime()
                      : now));
    }
    return result;
  }

  private static Condition condition(String type, boolean value, String reason, String message) {
    return new Condition(type, value ? "True" : "False", reason, message, null);
  }
}
