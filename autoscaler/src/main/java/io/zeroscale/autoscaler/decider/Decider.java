package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.ScalingSpec;
import java.time.Instant;

/**
 * Decides a function's replica count. Implementations are pure: the same arguments give the same
 * decision, and whatever must be remembered between decisions travels in {@link ActivityState}. The
 * first cut is {@link ConcurrencyDecider}; a KPA-style decider with stable and panic windows fits
 * the same shape.
 */
@FunctionalInterface
public interface Decider {

  /**
   * @param spec the function's scaling spec, defaults filled in
   * @param inputs the replicas and load now
   * @param state what the previous decision remembered
   * @param now the time of this decision (passed in, never read from a clock)
   */
  Decision decide(ScalingSpec spec, ScaleInputs inputs, ActivityState state, Instant now);
}
