package io.zeroscale.autoscaler;

import io.zeroscale.autoscaler.decider.LagPolicy;
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
 * @param kafkaReadTimeout longest one read of a Kafka-triggered function's consumer lag may take
 *     (default 5 s); a read that times out marks the trigger not ready ({@code BrokersUnreachable})
 *     and its last good reading counts for up to {@code staleLoadLimit} more
 * @param kafkaMetadataMaxAge how long the partition lists of a function's topics are reused before
 *     they are described again (default 30 s); a partition added to a topic is counted after that
 * @param kafkaLagScaleDownHold a lower replica count asked for by Kafka lag applies once it has
 *     been asked for this long (default 5 min, the HPA's scale-down stabilization that KEDA runs
 *     behind): each resize of a consumer group is a rebalance that stops every consumer. It never
 *     delays the return to zero of a drained function (the grace period decides that)
 */
public record AutoscalerConfig(
    Duration tickInterval,
    Duration staleLoadLimit,
    ScalingDefaults scaling,
    Duration kafkaReadTimeout,
    Duration kafkaMetadataMaxAge,
    Duration kafkaLagScaleDownHold) {

  public static final long DEFAULT_TICK_MILLIS = 2000;
  public static final Duration DEFAULT_STALE_LOAD_LIMIT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_KAFKA_READ_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_KAFKA_METADATA_MAX_AGE = Duration.ofSeconds(30);

  public AutoscalerConfig {
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(staleLoadLimit, "staleLoadLimit");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(kafkaReadTimeout, "kafkaReadTimeout");
    Objects.requireNonNull(kafkaMetadataMaxAge, "kafkaMetadataMaxAge");
    Objects.requireNonNull(kafkaLagScaleDownHold, "kafkaLagScaleDownHold");
    if (kafkaLagScaleDownHold.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler kafkaLagScaleDownHold must not be negative, was " + kafkaLagScaleDownHold);
    }
    if (kafkaReadTimeout.toMillis() < 1 || kafkaReadTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "autoscaler kafkaReadTimeout must be between 1ms and 24d, was " + kafkaReadTimeout);
    }
    if (kafkaMetadataMaxAge.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler kafkaMetadataMaxAge must not be negative, was " + kafkaMetadataMaxAge);
    }
    if (tickInterval.isZero() || tickInterval.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler tickInterval must be greater than zero, was " + tickInterval);
    }
    if (staleLoadLimit.isNegative()) {
      throw new IllegalArgumentException(
          "autoscaler staleLoadLimit must not be negative, was " + staleLoadLimit);
    }
  }

  /** The Kafka lag scale-down hold at its default. */
  public AutoscalerConfig(
      Duration tickInterval,
      Duration staleLoadLimit,
      ScalingDefaults scaling,
      Duration kafkaReadTimeout,
      Duration kafkaMetadataMaxAge) {
    this(
        tickInterval,
        staleLoadLimit,
        scaling,
        kafkaReadTimeout,
        kafkaMetadataMaxAge,
        LagPolicy.DEFAULT_SCALE_DOWN_HOLD);
  }

  /** The Kafka lag settings at their defaults. */
  public AutoscalerConfig(Duration tickInterval, Duration staleLoadLimit, ScalingDefaults scaling) {
    this(
        tickInterval,
        staleLoadLimit,
        scaling,
        DEFAULT_KAFKA_READ_TIMEOUT,
        DEFAULT_KAFKA_METADATA_MAX_AGE,
        LagPolicy.DEFAULT_SCALE_DOWN_HOLD);
  }

  /** The given tick with every other setting at its default. */
  public AutoscalerConfig(Duration tickInterval) {
    this(tickInterval, DEFAULT_STALE_LOAD_LIMIT, ScalingDefaults.defaults());
  }

  public static AutoscalerConfig defaults() {
    return new AutoscalerConfig(Duration.ofMillis(DEFAULT_TICK_MILLIS));
  }

  public AutoscalerConfig withTickInterval(Duration value) {
    return new AutoscalerConfig(
        value,
        staleLoadLimit,
        scaling,
        kafkaReadTimeout,
        kafkaMetadataMaxAge,
        kafkaLagScaleDownHold);
  }

  public AutoscalerConfig withStaleLoadLimit(Duration value) {
    return new AutoscalerConfig(
        tickInterval, value, scaling, kafkaReadTimeout, kafkaMetadataMaxAge, kafkaLagScaleDownHold);
  }

  public AutoscalerConfig withScaling(ScalingDefaults value) {
    return new AutoscalerConfig(
        tickInterval,
        staleLoadLimit,
        value,
        kafkaReadTimeout,
        kafkaMetadataMaxAge,
        kafkaLagScaleDownHold);
  }

  public AutoscalerConfig withKafkaReadTimeout(Duration value) {
    return new AutoscalerConfig(
        tickInterval, staleLoadLimit, scaling, value, kafkaMetadataMaxAge, kafkaLagScaleDownHold);
  }

  public AutoscalerConfig withKafkaMetadataMaxAge(Duration value) {
    return new AutoscalerConfig(
        tickInterval, staleLoadLimit, scaling, kafkaReadTimeout, value, kafkaLagScaleDownHold);
  }

  public AutoscalerConfig withKafkaLagScaleDownHold(Duration value) {
    return new AutoscalerConfig(
        tickInterval, staleLoadLimit, scaling, kafkaReadTimeout, kafkaMetadataMaxAge, value);
  }

  /** How long one collection may wait for a source: half a tick, between 100 ms and 1 s. */
  public Duration collectTimeout() {
    long half = tickInterval.toMillis() / 2;
    return Duration.ofMillis(Math.max(100, Math.min(1000, half)));
  }
}
