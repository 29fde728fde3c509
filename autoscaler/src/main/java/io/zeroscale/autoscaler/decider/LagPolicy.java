package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import java.time.Duration;
import java.util.Objects;

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
 * @param scaleDownHold a lower lag count applies once it has been asked for this long (default
 *     {@link #DEFAULT_SCALE_DOWN_HOLD}): each change of the group's size stops every consumer for a
 *     rebalance, and the lag that pause builds up would otherwise ask for the replicas back
 */
public record LagPolicy(
    boolean enabled,
    long threshold,
    long activationThreshold,
    boolean allowIdleConsumers,
    Duration scaleDownHold) {

  /**
   * Five minutes, the Kubernetes HPA's scale-down stabilization that KEDA's Kafka scaler runs
   * behind. On the simulator's steady-noisy trace a 60 s hold rebalanced 11 times in 5 minutes
   * (down a step, the rebalance pause builds lag, up again), 5 minutes 5 times with less lag and
   * fewer replica-seconds.
   */
  public static final Duration DEFAULT_SCALE_DOWN_HOLD = Duration.ofMinutes(5);

  /** A function without a Kafka trigger. */
  public static final LagPolicy NONE = new LagPolicy(false, 1, 0, false);

  /** The default scale-down hold. */
  public LagPolicy(
      boolean enabled, long threshold, long activationThreshold, boolean allowIdleConsumers) {
    this(enabled, threshold, activationThreshold, allowIdleConsumers, DEFAULT_SCALE_DOWN_HOLD);
  }

  public LagPolicy {
    Objects.requireNonNull(scaleDownHold, "scaleDownHold");
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
    return of(trigger, key, DEFAULT_SCALE_DOWN_HOLD);
  }

  /** The trigger's knobs with the platform's scale-down hold. */
  public static LagPolicy of(KafkaTriggerSpec trigger, FunctionKey key, Duration scaleDownHold) {
    if (trigger == null) {
      return NONE;
    }
    KafkaTriggerSpec t = trigger.withDefaults(key);
    return new LagPolicy(
        true, t.lagThreshold(), t.activationLagThreshold(), t.allowIdleConsumers(), scaleDownHold);
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
