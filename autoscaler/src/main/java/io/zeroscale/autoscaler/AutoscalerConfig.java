package io.zeroscale.autoscaler;

import java.time.Duration;
import java.util.Objects;

/**
 * The autoscaler's configuration.
 *
 * @param tickInterval how often every function's load is collected and decided on (default {@value
 *     #DEFAULT_TICK_MILLIS} ms, Knative's tick). Pokes from the activator are decided at once, not
 *     at the next tick, so a longer tick slows scale-up under load and scale-down, never a wake
 *     from zero.
 */
public record AutoscalerConfig(Duration tickInterval) {

  public static final long DEFAULT_TICK_MILLIS = 2000;

  public AutoscalerConfig {
    Objects.requireNonNull(tickInterval, "tickInterval");
    if (tickInterval.isZero() || tickInterval.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler tickInterval must be greater than zero, was " + tickInterval);
    }
  }

  public static AutoscalerConfig defaults() {
    return new AutoscalerConfig(Duration.ofMillis(DEFAULT_TICK_MILLIS));
  }

  public AutoscalerConfig withTickInterval(Duration value) {
    return new AutoscalerConfig(value);
  }
}
