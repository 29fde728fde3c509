package io.zeroscale.autoscaler;

import io.zeroscale.autoscaler.decider.ScalingDefaults;
import java.time.Duration;
import java.util.Objects;

/**
 * The autoscaler's configuration.
 *
 * @param tickInterval how often every function's load is collected and decided on (default {@value
 *     #DEFAULT_TICK_MILLIS} ms, Knative's tick). Pokes from the activator are decided at once, not
 *     at the next tick, so a longer tick slows scale-up under load and scale-down, never a wake
 *     from zero.
 * @param staleLoadLimit how long a load source that stopped answering is counted with its last load
 *     before it is left out (default 10 s, five ticks): long enough to ride out a restart of a
 *     router, short enough that a source that is gone does not keep replicas up
 * @param scaling the platform-wide defaults of every knob a function's {@code spec.scaling} leaves
 *     empty
 */
public record AutoscalerConfig(
    Duration tickInterval, Duration staleLoadLimit, ScalingDefaults scaling) {

  public static final long DEFAULT_TICK_MILLIS = 2000;
  public static final Duration DEFAULT_STALE_LOAD_LIMIT = Duration.ofSeconds(10);

  public AutoscalerConfig {
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(staleLoadLimit, "staleLoadLimit");
    Objects.requireNonNull(scaling, "scaling");
    if (tickInterval.isZero() || tickInterval.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler tickInterval must be greater than zero, was " + tickInterval);
    }
    if (staleLoadLimit.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler staleLoadLimit must not be negative, was " + staleLoadLimit);
    }
  }

  /** The given tick with every other setting at its default. */
  public AutoscalerConfig(Duration tickInterval) {
    this(tickInterval, DEFAULT_STALE_LOAD_LIMIT, ScalingDefaults.defaults());
  }

  public static AutoscalerConfig defaults() {
    return new AutoscalerConfig(Duration.ofMillis(DEFAULT_TICK_MILLIS));
  }

  public AutoscalerConfig withTickInterval(Duration value) {
    return new AutoscalerConfig(value, staleLoadLimit, scaling);
  }

  public AutoscalerConfig withStaleLoadLimit(Duration value) {
    return new AutoscalerConfig(tickInterval, value, scaling);
  }

  public AutoscalerConfig withScaling(ScalingDefaults value) {
    return new AutoscalerConfig(tickInterval, staleLoadLimit, value);
  }

  /** How long one collection may wait for a source: half a tick, between 100 ms and 1 s. */
  public Duration collectTimeout() {
    long half = tickInterval.toMillis() / 2;
    return Duration.ofMillis(Math.max(100, Math.min(1000, half)));
  }
}
