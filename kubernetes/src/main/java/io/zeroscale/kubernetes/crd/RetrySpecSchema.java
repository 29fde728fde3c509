package io.zeroscale.kubernetes.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * The schema of {@link io.zeroscale.api.function.KafkaTriggerSpec.RetrySpec} in the CRD; see {@link
 * FunctionSpecSchema}.
 */
public class RetrySpecSchema {

  /** Attempts after the first one before a record is dead-lettered (0 to 100, default 3). */
  @Min(0)
  @Max(100)
  public Integer maxRetries;

  /** Pause between two attempts (0s to 1m; 200ms, 1s or ISO-8601; default 200ms). */
  @Pattern(DurationPatterns.NON_NEGATIVE)
  public String backoff;
}
