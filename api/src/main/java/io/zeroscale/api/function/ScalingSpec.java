package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * How a function scales. Every field is optional; {@link #withDefaults()} fills the gaps.
 *
 * @param minScale replicas kept even without traffic (0 allows scale to zero)
 * @param maxScale upper bound on replicas
 * @param target concurrent requests one replica should handle before another is added
 * @param containerConcurrency hard limit of concurrent requests per replica (0 = no limit); excess
 *     requests wait in the activator instead of piling onto a replica
 * @param scaleToZeroGracePeriod how long a function must be idle before its last replica stops
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScalingSpec(
    Integer minScale,
    Integer maxScale,
    Integer target,
    Integer containerConcurrency,
    String scaleToZeroGracePeriod) {

  public static final int DEFAULT_MIN_SCALE = 0;
  public static final int DEFAULT_MAX_SCALE = 10;
  public static final int DEFAULT_TARGET = 10;
  public static final int DEFAULT_CONTAINER_CONCURRENCY = 0;
  public static final String DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD = "30s";

  public static ScalingSpec defaults() {
    return new ScalingSpec(null, null, null, null, null).withDefaults();
  }

  public ScalingSpec withDefaults() {
    return new ScalingSpec(
        minScale == null ? DEFAULT_MIN_SCALE : minScale,
        maxScale == null ? Math.max(DEFAULT_MAX_SCALE, minScale == null ? 0 : minScale) : maxScale,
        target == null ? DEFAULT_TARGET : target,
        containerConcurrency == null ? DEFAULT_CONTAINER_CONCURRENCY : containerConcurrency,
        scaleToZeroGracePeriod == null
            ? DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD
            : scaleToZeroGracePeriod);
  }

  /** The grace period as a duration; call on a validated spec. */
  public Duration gracePeriod() {
    return DurationText.parse(
        scaleToZeroGracePeriod == null
            ? DEFAULT_SCALE_TO_ZERO_GRACE_PERIOD
            : scaleToZeroGracePeriod);
  }
}
