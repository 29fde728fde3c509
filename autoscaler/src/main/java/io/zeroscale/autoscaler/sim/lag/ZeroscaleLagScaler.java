package io.zeroscale.autoscaler.sim.lag;

import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.autoscaler.decider.ConcurrencyDecider;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.LagPolicy;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import io.zeroscale.autoscaler.metrics.ColdStartTracker;
import java.time.Duration;
import java.time.Instant;

/**
 * zeroscale's production decider and cold-start measurement, fed as the scaling loop feeds them:
 * the lag read at every 2 s tick, records committed since the last tick as activity.
 */
final class ZeroscaleLagScaler implements LagScaler {

  static final String LABEL = "zeroscale";
  private static final double TICK = 2.0;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final ConcurrencyDecider decider = new ConcurrencyDecider();
  private final ScalingPolicy policy;
  private final ColdStartTracker coldStart = new ColdStartTracker();
  private DeciderState state = DeciderState.firstSeen(EPOCH).initialized(true);
  private double nextTick = TICK;
  private long lastCommitted;

  ZeroscaleLagScaler(LagModel model) {
    ScalingSpec spec =
        new ScalingSpec(
            0,
            model.maxScale(),
            10,
            0,
            model.grace().toMillis() + "ms",
            null,
            System.getProperty("w", "60s"),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    this.policy =
        ScalingPolicy.resolve(spec, ScalingDefaults.defaults())
            .withLag(new LagPolicy(true, model.lagThreshold(), 0, false));
  }

  @Override
  public String label() {
    return LABEL;
  }

  @Override
  public int step(double t, GroupState g) {
    if (t + 1e-9 < nextTick) {
      return g.desired();
    }
    nextTick += TICK;
    Instant now = EPOCH.plus(Duration.ofMillis(Math.round(t * 1000)));
    coldStart.observe(now, g.desired(), g.ready());
    boolean processed = g.committed() != lastCommitted;
    lastCommitted = g.committed();
    ScaleInputs in =
        new ScaleInputs(
            g.desired(),
            g.ready(),
            0,
            0,
            0,
            0,
            processed,
            coldStart.estimate(),
            g.lag(),
            g.partitions());
    Decision d = decider.decide(policy, in, state, now);
    state = d.state();
    coldStart.observe(now, d.desired(), g.ready());
    return d.desired();
  }
}
