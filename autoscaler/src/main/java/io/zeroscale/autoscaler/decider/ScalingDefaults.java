package io.zeroscale.autoscaler.decider;

import java.time.Duration;
import java.util.Objects;

/**
 * The platform-wide defaults of the autoscaler's knobs, used for every function whose {@code
 * spec.scaling} leaves a knob empty. The defaults are Knative KPA's, except {@code initialScale} (0
 * here: a deployed function costs nothing until it is called).
 *
 * @param targetUtilizationPercentage share of the target aimed at when sizing from averages (70)
 * @param stableWindow the averaging window of stable mode (60 s)
 * @param panicWindowPercentage the panic window as a share of the stable window (10, so 6 s)
 * @param panicThresholdPercentage panic when the panic window asks for this share of the ready
 *     replicas (200)
 * @param maxScaleUpRate at most this many times the ready replicas per decision (1000)
 * @param maxScaleDownRate at least the ready replicas divided by this per decision (2)
 * @param scaleDownDelay how long a lower count must be asked for before it applies (0 s)
 * @param initialScale replicas started when a function is first seen (0)
 * @param activationScale fewest replicas whenever a function has load (1)
 */
public record ScalingDefaults(
    int targetUtilizationPercentage,
    Duration stableWindow,
    int panicWindowPercentage,
    int panicThresholdPercentage,
    double maxScaleUpRate,
    double maxScaleDownRate,
    Duration scaleDownDelay,
    int initialScale,
    int activationScale) {

  public ScalingDefaults {
    Objects.requireNonNull(stableWindow, "stableWindow");
    Objects.requireNonNull(scaleDownDelay, "scaleDownDelay");
    require(
        targetUtilizationPercentage >= 1 && targetUtilizationPercentage <= 100,
        "targetUtilizationPercentage must be 1..100, was " + targetUtilizationPercentage);
    require(
        stableWindow.compareTo(Duration.ofSeconds(6)) >= 0,
        "stableWindow must be at least 6s, was " + stableWindow);
    require(
        panicWindowPercentage >= 1 && panicWindowPercentage <= 100,
        "panicWindowPercentage must be 1..100, was " + panicWindowPercentage);
    require(
        panicThresholdPercentage >= 110,
        "panicThresholdPercentage must be >= 110, was " + panicThresholdPercentage);
    require(maxScaleUpRate > 1, "maxScaleUpRate must be > 1, was " + maxScaleUpRate);
    require(maxScaleDownRate > 1, "maxScaleDownRate must be > 1, was " + maxScaleDownRate);
    require(!scaleDownDelay.isNegative(), "scaleDownDelay must not be negative");
    require(initialScale >= 0, "initialScale must be >= 0, was " + initialScale);
    require(activationScale >= 1, "activationScale must be >= 1, was " + activationScale);
  }

  /** Knative KPA's defaults, with initial scale 0. */
  public static ScalingDefaults defaults() {
    return new ScalingDefaults(
        70, Duration.ofSeconds(60), 10, 200, 1000.0, 2.0, Duration.ZERO, 0, 1);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("autoscaler default " + message);
    }
  }
}
