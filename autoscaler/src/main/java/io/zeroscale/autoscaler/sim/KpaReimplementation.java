package io.zeroscale.autoscaler.sim;

import io.zeroscale.autoscaler.decider.Decider;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.decider.PanicState;
import io.zeroscale.autoscaler.decider.RateBounds;
import io.zeroscale.autoscaler.decider.RecentMaximum;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * KPA (re-implementation): Knative Serving's concurrency autoscaler as restated from its {@code
 * pkg/autoscaler/scaling/autoscaler.go} ({@code Scale}) and the scale-to-zero rules of its KPA
 * reconciler, written here for the simulator's comparison mode only. It is not Knative's code and
 * production never uses it.
 *
 * <ul>
 *   <li>{@code stable = clamp(ceil(Cs / T), down, up)}, {@code panic = clamp(ceil(Cp / T), down,
 *       up)} with {@code T = target x utilization}, {@code up = ceil(upRate x R')}, {@code down =
 *       floor(R' / downRate)}, {@code R' = max(1, ready)}; activation scale raises non-zero counts.
 *   <li>Panic when {@code ceil(Cp / T) / R' >= threshold}; while panicking, never down.
 *   <li>Scale-down delay: the maximum over the delay window.
 *   <li>To zero: once the recommendation is 0 (the stable window saw nothing), the revision is
 *       marked inactive and keeps its replicas for the grace period, then goes to 0.
 *   <li>From zero: the activator's first request reports a concurrency of 1, so the first step is
 *       one replica; later ticks size from the windows. The queue and cold starts are not inputs.
 * </ul>
 */
public final class KpaReimplementation implements Decider {

  public static final String LABEL = "KPA (re-implementation)";

  @Override
  public Decision decide(ScalingPolicy policy, ScaleInputs in, DeciderState state, Instant now) {
    double cs = in.stableConcurrency();
    double cp = in.panicConcurrency();
    if (in.readyReplicas() == 0 && in.currentDesired() == 0 && in.queued() > 0) {
      cs = Math.max(cs, 1);
      cp = Math.max(cp, 1);
    }
    double target = policy.averagedTarget();
    int stableWanted = ceil(cs / target);
    int panicWanted = ceil(cp / target);
    RateBounds rate = RateBounds.of(policy, in.readyReplicas());
    int stable = activation(policy, rate.clamp(stableWanted), stableWanted);
    int panicCount = activation(policy, rate.clamp(panicWanted), panicWanted);
    boolean over =
        panicWanted / (double) Math.max(1, in.readyReplicas()) >= policy.panicThreshold();
    PanicState panic = state.panic().next(over, now, policy.stableWindow());
    int desired = stable;
    if (panic.panicking()) {
      desired = Math.max(Math.max(stable, panicCount), panic.highest());
      panic = panic.chose(desired);
    }
    RecentMaximum recent = state.recent();
    if (policy.scaleDownDelay().compareTo(Duration.ZERO) > 0) {
      recent = recent.record(now, desired, policy.scaleDownDelay());
      desired = recent.max();
    }
    DeciderState next = state.with(panic, recent).zeroSince(null);
    String toZero = "";
    if (desired == 0) {
      Instant since = state.zeroSince() == null ? now : state.zeroSince();
      next = next.zeroSince(since);
      if (Duration.between(since, now).compareTo(policy.scaleToZeroGracePeriod()) < 0) {
        desired = in.currentDesired(); // inactive, backed by the activator: wait out the grace
        toZero = " inactiveFor=" + Duration.between(since, now).toSeconds() + "s";
      }
    }
    desired = Math.max(policy.minScale(), Math.min(policy.maxScale(), desired));
    Mode mode = panic.panicking() ? Mode.PANIC : Mode.STABLE;
    String reason =
        String.format(
            Locale.ROOT,
            "kpa mode=%s stable=%.1f panic=%.1f wants[stable=%d panic=%d] rate=%d..%d%s -> %d",
            mode.label(),
            cs,
            cp,
            stableWanted,
            panicWanted,
            rate.lowest(),
            rate.highest(),
            toZero,
            desired);
    return new Decision(desired, mode, reason, next);
  }

  private static int activation(ScalingPolicy policy, int count, int unbounded) {
    return unbounded > 0 ? Math.max(count, policy.activationScale()) : count;
  }

  private static int ceil(double value) {
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(value - 1e-9));
  }
}
