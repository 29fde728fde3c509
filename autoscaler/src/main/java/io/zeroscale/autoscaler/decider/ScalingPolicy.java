package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.DurationText;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ScalingSpec;
import java.time.Duration;

/**
 * One function's scaling knobs with every gap filled: the spec's own values first, then the
 * platform-wide {@link ScalingDefaults}. Durations are parsed and percentages turned into ratios,
 * so a decider reads plain numbers.
 *
 * @param minScale fewest replicas
 * @param maxScale most replicas
 * @param target concurrent requests per replica
 * @param containerConcurrency hard limit per replica, 0 for none
 * @param scaleToZeroGracePeriod idle time before the last replica stops
 * @param targetUtilization share of the target aimed at when sizing from averages (0.7)
 * @param stableWindow averaging window of stable mode
 * @param panicWindow averaging window of panic mode
 * @param panicThreshold ratio of wanted to ready replicas that starts panic (2.0)
 * @param maxScaleUpRate at most this many times the ready replicas per decision
 * @param maxScaleDownRate at least the ready replicas divided by this per decision
 * @param scaleDownDelay how long a lower count must be asked for before it applies
 * @param initialScale replicas started when the function is first seen
 * @param activationScale fewest replicas whenever the function has load
 * @param lag how the function scales on Kafka consumer lag ({@link LagPolicy#NONE} without a Kafka
 *     trigger)
 */
public record ScalingPolicy(
    int minScale,
    int maxScale,
    int target,
    int containerConcurrency,
    Duration scaleToZeroGracePeriod,
    double targetUtilization,
    Duration stableWindow,
    Duration panicWindow,
    double panicThreshold,
    double maxScaleUpRate,
    double maxScaleDownRate,
    Duration scaleDownDelay,
    int initialScale,
    int activationScale,
    LagPolicy lag) {

  /**
   * The knobs of {@code function}'s scaling spec and of its Kafka trigger, if it has one, with
   * {@code lagScaleDownHold} as the trigger's scale-down hold.
   */
  public static ScalingPolicy resolve(
      FunctionKey key, FunctionSpec function, ScalingDefaults defaults, Duration lagScaleDownHold) {
    return resolve(function.scaling(), defaults)
        .withLag(LagPolicy.of(function.kafkaTrigger(), key, lagScaleDownHold));
  }

  /** The spec's values where it has them, the platform's defaults elsewhere; no Kafka trigger. */
  public static ScalingPolicy resolve(ScalingSpec spec, ScalingDefaults defaults) {
    ScalingSpec s = (spec == null ? ScalingSpec.defaults() : spec).withDefaults();
    Duration stable = duration(s.stableWindow(), defaults.stableWindow());
    int panicPercent = or(s.panicWindowPercentage(), defaults.panicWindowPercentage());
    return new ScalingPolicy(
        s.minScale(),
        s.maxScale(),
        s.target(),
        s.containerConcurrency(),
        s.gracePeriod(),
        or(s.targetUtilizationPercentage(), defaults.targetUtilizationPercentage()) / 100.0,
        stable,
        Duration.ofMillis(Math.max(1, stable.toMillis() * panicPercent / 100)),
        or(s.panicThresholdPercentage(), defaults.panicThresholdPercentage()) / 100.0,
        s.maxScaleUpRate() == null ? defaults.maxScaleUpRate() : s.maxScaleUpRate(),
        s.maxScaleDownRate() == null ? defaults.maxScaleDownRate() : s.maxScaleDownRate(),
        duration(s.scaleDownDelay(), defaults.scaleDownDelay()),
        or(s.initialScale(), defaults.initialScale()),
        or(s.activationScale(), defaults.activationScale()),
        LagPolicy.NONE);
  }

  public ScalingPolicy withLag(LagPolicy value) {
    return new ScalingPolicy(
        minScale,
        maxScale,
        target,
        containerConcurrency,
        scaleToZeroGracePeriod,
        targetUtilization,
        stableWindow,
        panicWindow,
        panicThreshold,
        maxScaleUpRate,
        maxScaleDownRate,
        scaleDownDelay,
        initialScale,
        activationScale,
        value);
  }

  /**
   * What one replica should hold at full use: the target, or the hard limit when that is lower.
   * Requests that exist now (in flight, queued) are sized by this.
   */
  public int capacityTarget() {
    return containerConcurrency > 0 ? Math.min(target, containerConcurrency) : target;
  }

  /** What one replica should hold on average: the capacity target times the utilization. */
  public double averagedTarget() {
    return capacityTarget() * targetUtilization;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static Duration duration(String text, Duration fallback) {
    return text == null ? fallback : DurationText.parse(text);
  }
}
