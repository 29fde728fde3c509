package io.zeroscale.kubernetes.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The schema of {@link io.zeroscale.api.function.ScalingSpec} in the CRD; see {@link
 * FunctionSpecSchema}.
 */
@ValidationRule(
    value = "!has(self.minScale) || !has(self.maxScale) || self.maxScale >= self.minScale",
    message = "spec.scaling.maxScale must be >= minScale")
public class ScalingSpecSchema {

  /** Replicas kept even without traffic (0 allows scale to zero). */
  @Min(0)
  public Integer minScale;

  /** Upper bound on replicas. */
  @Min(1)
  public Integer maxScale;

  /** Concurrent requests one replica should handle before another is added. */
  @Min(1)
  public Integer target;

  /** Hard limit of concurrent requests per replica (0 = no limit). */
  @Min(0)
  public Integer containerConcurrency;

  /** How long a function must be idle before its last replica stops. */
  @Pattern(DurationPatterns.NON_NEGATIVE)
  public String scaleToZeroGracePeriod;

  /** Share of target the autoscaler aims at when it sizes from averaged concurrency. */
  @Min(1)
  @Max(100)
  public Integer targetUtilizationPercentage;

  /** The window concurrency is averaged over in stable mode (6s to 1h). */
  @Pattern(DurationPatterns.NON_NEGATIVE)
  public String stableWindow;

  /** The panic window as a percentage of the stable window. */
  @Min(1)
  @Max(100)
  public Integer panicWindowPercentage;

  /** Panic starts when the panic window asks for this percentage of the ready replicas or more. */
  @Min(110)
  @Max(1000)
  public Integer panicThresholdPercentage;

  /** At most this many times the ready replicas in one decision. */
  @Min(value = 1, inclusive = false)
  public Double maxScaleUpRate;

  /** At least the ready replicas divided by this in one decision. */
  @Min(value = 1, inclusive = false)
  public Double maxScaleDownRate;

  /** A lower count must have been asked for this long before it is applied (0s to 1h). */
  @Pattern(DurationPatterns.NON_NEGATIVE)
  public String scaleDownDelay;

  /** Replicas started when the autoscaler first sees the function. */
  @Min(0)
  public Integer initialScale;

  /** Fewest replicas started when the function wakes or has any load. */
  @Min(1)
  public Integer activationScale;
}
