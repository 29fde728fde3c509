package io.zeroscale.kubernetes.crd;

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
}
