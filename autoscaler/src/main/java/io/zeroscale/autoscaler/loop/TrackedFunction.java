package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.autoscaler.decider.ActivityState;

/**
 * What the loop knows about one function between decisions. Touched only on the loop's thread, so
 * plain fields are enough.
 */
final class TrackedFunction {

  final FunctionKey key;
  final ScalerMetrics metrics;
  Function function;
  ActivityState state;

  /** The load of the last tick; a poke reuses it so it never has to steal a collection window. */
  FunctionLoad lastLoad;

  TrackedFunction(Function function, ActivityState state, ScalerMetrics metrics) {
    this.key = function.key();
    this.function = function;
    this.state = state;
    this.metrics = metrics;
    this.lastLoad = FunctionLoad.idle(key);
  }
}
