package io.zeroscale.autoscaler.decider;

import java.time.Instant;

/**
 * Decides a function's replica count. Implementations are pure: the same arguments give the same
 * decision, and whatever must be remembered between decisions travels in {@link DeciderState}.
 * zeroscale's is {@link ConcurrencyDecider}; the simulator also runs a re-implementation of
 * Knative's KPA through the same shape.
 */
@FunctionalInterface
public interface Decider {

  /**
   * @param policy the function's knobs, defaults filled in
   * @param inputs the replicas and load now
   * @param state what the previous decision remembered
   * @param now the time of this decision (passed in, never read from a clock)
   */
  Decision decide(ScalingPolicy policy, ScaleInputs inputs, DeciderState state, Instant now);
}
