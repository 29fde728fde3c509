package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.metrics.ColdStartTracker;
import io.zeroscale.autoscaler.metrics.ConcurrencyWindow;
import java.time.Instant;

/**
 * What the loop knows about one function between decisions. Touched only on the loop's thread, so
 * plain fields are enough.
 */
final class TrackedFunction {

  final FunctionKey key;
  final ScalerMetrics metrics;
  final ConcurrencyWindow window = new ConcurrencyWindow();
  final ColdStartTracker coldStart = new ColdStartTracker();
  Function function;
  DeciderState state;
  Mode mode = Mode.STABLE;

  /** The load of the last tick; a poke reuses it so it never has to steal a collection window. */
  FunctionLoad lastLoad;

  /** When the last load sample ended (the previous tick). */
  Instant lastSampleAt;

  /** The count of the last decision, so a Kafka read can tell whether the function is at zero. */
  int lastDesired;

  /** Records committed by the Kafka consumer group as of the last decision (0 without Kafka). */
  long lastCommitted;

  TrackedFunction(Function function, DeciderState state, ScalerMetrics metrics, Instant now) {
    this.key = function.key();
    this.function = function;
    this.state = state;
    this.metrics = metrics;
    this.lastLoad = FunctionLoad.idle(key);
    this.lastSampleAt = now;
  }

  TrackedFunction initialDesired(int desired) {
    this.lastDesired = desired;
    return this;
  }
}
