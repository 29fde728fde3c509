package io.zeroscale.kubernetes.reconcile;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.TriggerStatus;
import java.util.Optional;

/**
 * How each function's trigger is doing, as whoever reads the trigger (the platform's autoscaler,
 * which follows a Kafka trigger's consumer lag) last saw it. The reconciler turns it into the
 * {@code TriggerReady} condition of functions with {@code spec.triggers.kafka}; this module does
 * not read Kafka itself.
 */
@FunctionalInterface
public interface TriggerHealth {

  /** Nobody follows triggers here: no function gets a {@code TriggerReady} condition. */
  TriggerHealth NONE =
      new TriggerHealth() {
        @Override
        public Optional<TriggerStatus> of(FunctionKey key) {
          return Optional.empty();
        }

        @Override
        public boolean followed() {
          return false;
        }
      };

  /**
   * The trigger's state as last read; empty while it has not been read yet (the condition is then
   * {@code Unknown}). Called on the reconciler's thread: must answer from memory, not block.
   */
  Optional<TriggerStatus> of(FunctionKey key);

  /** Whether triggers are followed at all; when not, the condition is left out. */
  default boolean followed() {
    return true;
  }
}
