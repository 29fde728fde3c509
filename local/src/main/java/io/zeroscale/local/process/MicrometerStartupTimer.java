package io.zeroscale.local.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.LatencyBuckets;
import java.time.Duration;

/**
 * Records replica start-up time as the Micrometer timer {@code zeroscale.replica.startup} (tags
 * {@code namespace}, {@code function}), with a histogram for percentiles. Micrometer is an optional
 * dependency of this module: only load this class when a registry exists.
 */
public final class MicrometerStartupTimer implements ReplicaStartupListener {

  public static final String METER_NAME = "zeroscale.replica.startup";

  private final MeterRegistry registry;

  public MicrometerStartupTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onReady(FunctionKey key, String replicaId, Duration timeToReady) {
    Timer.builder(METER_NAME)
        .description("Replica process start to first successful readiness probe")
        .tag("namespace", key.namespace())
        .tag("function", key.name())
        .serviceLevelObjectives(LatencyBuckets.START)
        .register(registry)
        .record(timeToReady);
  }
}
