package io.zeroscale.kubernetes.reconcile;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which functions need a reconcile because their trigger's state moved on since their status was
 * written. A trigger changes without any Kubernetes event (a topic is created, a broker goes away),
 * so the reconciler asks this periodically; it compares what the informer's cache holds with what
 * {@link TriggerHealth} says now, in memory, and picks only the functions whose {@code
 * TriggerReady} condition would change: a resync of unchanged triggers sends nothing to the API
 * server.
 */
public final class TriggerResync {

  private TriggerResync() {}

  /**
   * The functions among {@code cached} whose stored {@code TriggerReady} differs (status, reason or
   * message) from their trigger's state now. A function without a {@code TriggerReady} yet (just
   * created, or its spec invalid) is left to its own events.
   */
  public static List<FunctionKey> due(Collection<FunctionResource> cached, TriggerHealth health) {
    if (!health.followed()) {
      return List.of();
    }
    return cached.stream()
        .filter(f -> f.getSpec() != null && f.getSpec().kafkaTrigger() != null)
        .filter(f -> changed(stored(f.getStatus()), health, f.key()))
        .map(FunctionResource::key)
        .toList();
  }

  private static boolean changed(Condition stored, TriggerHealth health, FunctionKey key) {
    Optional<TriggerStatus> state = health.of(key);
    if (stored == null || state.isEmpty()) {
      return false; // nothing read yet: the stored condition stands
    }
    Condition now = TriggerStatus.condition(state);
    return !(Objects.equals(stored.status(), now.status())
        && Objects.equals(stored.reason(), now.reason())
        && Objects.equals(stored.message(), now.message()));
  }

  private static Condition stored(FunctionStatus status) {
    if (status == null || status.conditions() == null) {
      return null;
    }
    return status.conditions().stream()
        .filter(c -> Condition.TRIGGER_READY.equals(c.type()))
        .findFirst()
        .orElse(null);
  }
}
