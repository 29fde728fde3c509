package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;

/**
 * How a Kafka-triggered function scales on its consumer group's lag (KEDA's Kafka scaler knobs):
 * one replica per {@code threshold} records of lag, a function at zero wakes only when the lag is
 * above {@code activationThreshold}, and lag never asks for more replicas than the topics have
 * partitions unless {@code allowIdleConsumers}.
 *
 * @param enabled false for a function without a Kafka trigger; lag then counts for nothing
 * @param threshold lag one replica is expected to work off ({@code lagThreshold}, at least 1)
 * @param activationThreshold lag a function at zero must exceed to wake
 * @param allowIdleConsumers true lifts the partition cap
 */
public record LagPolicy(
    boolean enabled, long threshold, long activationThreshold, boolean allowIdleConsumers) {

  /** A function without a Kafka trigger. */
  public static final LagPolicy NONE = new LagPolicy(false, 1, 0, false);

  public LagPolicy {
    if (threshold < 1 || activationThreshold < 0) {
      throw new IllegalArgumentException(
          "lag threshold must be >= 1 and activation lag threshold >= 0, were "
              + threshold
              + " and "
              + activationThreshold);
    }
  }

  /** The trigger's knobs, defaults filled in; {@link #NONE} when {@code trigger} is null. */
  public static LagPolicy of(KafkaTriggerSpec trigger, FunctionKey key) {
    if (trigger == null) {
      return NONE;
    }
    KafkaTriggerSpec t = trigger.withDefaults(key);
    return new LagPolicy(
        true, t.lagThreshold(), t.activationLagThreshold(), t.allowIdleConsumers());
  }

  /**
   * Replicas the lag asks for: none without lag, none at zero while the lag is at or below the
   * activation threshold, else {@code max(1, ceil(lag / threshold))} capped by the partitions (when
   * known and the cap is not lifted).
   */
  int replicas(long lag, int partitions, int currentDesired) {
    if (!enabled || lag <= 0) {
      return 0;
    }
    if (currentDesired == 0 && lag <= activationThreshold) {
      return 0;
    }
    long wanted = Math.max(1, (lag + threshold - 1) / threshold);
    if (!allowIdleConsumers && partitions > 0) {
      wanted = Math.min(wanted, partitions);
    }
    return (int) Math.min(Integer.MAX_VALUE, wanted);
  }
}
