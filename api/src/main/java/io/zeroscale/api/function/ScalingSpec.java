package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * How a function scales. Every field is optional. {@link #withDefaults()} fills the first five (the
 * data path reads {@code containerConcurrency}, the status shows the bounds); the autoscaler's
 * knobs after them stay empty here and take the platform-wide defaults of the autoscaler ({@code
 * zeroscale.autoscaler.*}, see docs/autoscaling.md), so an operator can change those for every
 * function that does not set its own.
 *
 * @param minScale replicas kept even without traffic (0 allows scale to zero)
 * @param maxScale upper bound on replicas
 * @param target concurrent requests one replica should handle before another is added
 * @param containerConcurrency hard limit of concurrent requests per replica (0 = no limit); excess
 *     requests wait in the activator instead of piling onto a replica
 * @param scaleToZeroGracePeriod how long a function must be idle before its last replica stops
 * @param targetUtilizationPercentage share of {@code target} the autoscaler aims at when it sizes
 *     from averaged concurrency (1–100); the rest is headroom for bursts
 * @param stableWindow the window concurrency is averaged over in stable mode ({@code 6s}–{@code
 *     1h})
 * @param panicWindowPercentage the panic window as a percentage of the stable window (1–100)
 * @param panicThresholdPercentage panic starts when the panic window asks for this percentage of
 *     the ready replicas or more (110–1000)
 * @param maxScaleUpRate at most this many times the ready replicas in one decision (> 1)
 * @param maxScaleDownRate at least the ready replicas divided by this in one decision (> 1)
 * @param scaleDownDelay a lower count must have been asked for this long before it is applied
 *     ({@code 0s}–{@code 1h})
 * @param initialScale replicas started when the autoscaler first sees the function
 * @param activationScale fewest replicas started when the function wakes or has any load (>= 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScalingSpec(
    Integer minScale,
    Integer maxScale,
    Integer target,
    Integer containerConcurrency,
    String scaleToZeroGracePeriod,
    Integer targetUtilizationPercentage,
    String stableWindow,
    Integer panicWindowPercentage,
    Integer panicThresholdPercentage,
    Double maxScaleUpRate,
    Double maxScaleDownRate,
    String scaleDownDelay,
    Integer initialScale,
    Integer activationScale) {

  public static final int DEFAULT_MIN_SCALE = 0;
  public static final int DEFAULT_MAX_SCALE = 10;
  public static final int DEFAULT_TARGET = 10;
  public static final int DEFAULT_CONTAINER_CONCURRENCY = 0;
  public static final String DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD = "30s";

  /** The five fields of the first version; the autoscaler's knobs are left to its defaults. */
  public ScalingSpec(
      Integer minScale,
      Integer maxScale,
      Integer target,
      Integer containerConcurrency,
      String scaleToZeroGracePeriod) {
    this(
        minScale,
        maxScale,
        target,
        containerConcurrency,
        scaleToZeroGracePeriod,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ScalingSpec defaults() {
    return new ScalingSpec(null, null, null, null, null).withDefaults();
  }

  /**
   * A copy with the bounds, target, hard limit and grace period filled in; the autoscaler's knobs
   * stay as given (empty means the platform-wide default).
   */
  public ScalingSpec withDefaults() {
    return new ScalingSpec(
        minScale == null ? DEFAULT_MIN_SCALE : minScale,
        maxScale == null ? Math.max(DEFAULT_MAX_SCALE, minScale == null ? 0 : minScale) : maxScale,
        target == null ? DEFAULT_TARGET : target,
        containerConcurrency == null ? DEFAULT_CONTAINER_CONCURRENCY : containerConcurrency,
        scaleToZeroGracePeriod == null
            ? DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD
            : scaleToZeroGracePeriod,
        targetUtilizationPercentage,
        stableWindow,
        panicWindowPercentage,
        panicThresholdPercentage,
        maxScaleUpRate,
        maxScaleDownRate,
        scaleDownDelay,
        initialScale,
        activationScale);
  }

  /** The grace period as a duration; call on a validated spec. */
  public Duration gracePeriod() {
    return DurationText.parse(
        scaleToZeroGracePeriod == null
            ? DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD
            : scaleToZeroGracePeriod);
  }
}
