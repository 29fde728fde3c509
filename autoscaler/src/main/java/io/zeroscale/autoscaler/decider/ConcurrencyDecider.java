package io.zeroscale.autoscaler.decider;

import io.zeroscale.api.function.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * zeroscale's decider: Knative KPA's algorithm (stable and panic windows, panic threshold, rate
 * bounds, scale-down delay, activation and initial scale, min/max) with four changes where KPA is
 * weak:
 *
 * <ol>
 *   <li><b>Wake sized by the queue.</b> Requests in flight and queued count as demand ({@link
 *       Demand#backlogReplicas}), so a function at zero wakes with {@code ceil(queued / target)}
 *       replicas, not one.
 *   <li><b>Bursts seen within one tick.</b> The same backlog joins both windows' counts and the
 *       panic test, and requests queued while replicas are ready and full start panic too, so a
 *       burst against a full function is answered at the next decision instead of after the panic
 *       window's average catches up, and the count is not lowered while the load still climbs.
 *   <li><b>Cold-start-aware hold.</b> A lower count applies only after it was asked for during
 *       {@code max(scaleDownDelay, measured cold start)}, and the last replica stops only after
 *       {@code max(scaleToZeroGracePeriod, measured cold start)} idle: a gap shorter than a cold
 *       start never pays for stopping and restarting a replica.
 *   <li><b>No flapping.</b> In stable mode a lower count must also fit the stable average with a
 *       {@value #SCALE_DOWN_MARGIN_PERCENT}% margin, so a steady load whose average hovers at a
 *       replica boundary does not go up and down.
 * </ol>
 *
 * Unlike KPA, the last replica stops once the function has been idle for the grace period (no
 * request, none in flight or waiting), without first waiting for the stable window to drain.
 */
public final class ConcurrencyDecider implements Decider {

  /** Scale-down margin: a lower count must fit the stable average plus this share. */
  static final int SCALE_DOWN_MARGIN_PERCENT = 10;

  @Override
  public Decision decide(ScalingPolicy policy, ScaleInputs in, DeciderState before, Instant now) {
    DeciderState state = in.active() ? before.activeAt(now) : before;
    Duration idle = nonNegative(Duration.between(state.lastActive(), now));
    Duration zeroHold = max(policy.scaleToZeroGracePeriod(), in.coldStart());
    if (!in.active() && idle.compareTo(zeroHold) >= 0) {
      return idleToMinimum(policy, in, state, idle, zeroHold);
    }
    Demand demand = Demand.of(policy, in);
    RateBounds rate = RateBounds.of(policy, in.readyReplicas());
    int stable = activation(policy, rate.clamp(demand.stable()), demand.stable());
    int panicCount = activation(policy, rate.clamp(demand.panic()), demand.panic());
    boolean over =
        demand.panic() / (double) Math.max(1, in.readyReplicas()) >= policy.panicThreshold()
            || full(policy, in, demand);
    PanicState panic = state.panic().next(over, now, policy.stableWindow());
    int wanted;
    if (panic.panicking()) {
      wanted = Math.max(Math.max(stable, panicCount), panic.highest());
      panic = panic.chose(wanted);
    } else {
      wanted = withScaleDownMargin(policy, in, rate, stable);
    }
    Duration hold = max(policy.scaleDownDelay(), in.coldStart());
    RecentMaximum recent = state.recent().record(now, wanted, hold);
    int held = recent.max();
    if (held == 0 && (in.currentDesired() > 0 || in.active())) {
      held = 1; // idle for less than the grace period: keep one replica warm
    }
    DeciderState next = state.with(panic, recent);
    Bounded bounded = Bounded.of(policy, in, next, held);
    Mode mode = panic.panicking() ? Mode.PANIC : Mode.STABLE;
    String reason =
        String.format(
            Locale.ROOT,
            "mode=%s stable=%.1f panic=%.1f inFlight=%d queued=%d target=%d utilization=%.2f"
                + " wants[stable=%d panic=%d backlog=%d] rate=%d..%d hold=%s%s -> %d",
            mode.label(),
            in.stableConcurrency(),
            in.panicConcurrency(),
            in.inFlight(),
            in.queued(),
            policy.capacityTarget(),
            policy.targetUtilization(),
            demand.stableReplicas(),
            demand.panicReplicas(),
            demand.backlogReplicas(),
            rate.lowest(),
            rate.highest(),
            text(hold),
            bounded.note(),
            bounded.desired());
    return new Decision(bounded.desired(), mode, reason, bounded.state());
  }

  /**
   * A replica's worth of requests (the capacity target) waits in the activator although every
   * desired replica is ready, and the backlog asks for more replicas than that: the function is
   * full (while replicas still start, a queue is expected and they are on their way). That starts
   * (or extends) panic like the threshold does, so a count raised for a queue is not lowered at the
   * next tick while the load is still climbing.
   */
  private static boolean full(ScalingPolicy policy, ScaleInputs in, Demand demand) {
    return in.queued() >= policy.capacityTarget()
        && in.readyReplicas() > 0
        && in.readyReplicas() >= in.currentDesired()
        && demand.backlogReplicas() > in.currentDesired();
  }

  /**
   * In stable mode a lower count than the current one must also hold the stable average grown by
   * the margin; otherwise the current count stays.
   */
  private static int withScaleDownMargin(
      ScalingPolicy policy, ScaleInputs in, RateBounds rate, int stable) {
    int current = in.currentDesired();
    if (stable >= current) {
      return stable;
    }
    double padded = in.stableConcurrency() * (100 + SCALE_DOWN_MARGIN_PERCENT) / 100.0;
    int cautious = rate.clamp(Demand.ceil(padded / policy.averagedTarget()));
    return Math.max(stable, Math.min(current, cautious));
  }

  /** Knative's activation scale: any non-zero count is at least {@code activationScale}. */
  static int activation(ScalingPolicy policy, int count, int unbounded) {
    return unbounded > 0 ? Math.max(count, policy.activationScale()) : count;
  }

  private static Decision idleToMinimum(
      ScalingPolicy policy, ScaleInputs in, DeciderState state, Duration idle, Duration hold) {
    DeciderState reset = state.with(PanicState.CALM, RecentMaximum.EMPTY);
    Bounded bounded = Bounded.of(policy, in, reset, 0);
    String reason =
        "mode=stable idle="
            + text(idle)
            + " hold=max(scaleToZeroGracePeriod "
            + text(policy.scaleToZeroGracePeriod())
            + ", coldStart "
            + text(in.coldStart())
            + ")"
            + bounded.note()
            + " -> "
            + bounded.desired();
    return new Decision(bounded.desired(), Mode.STABLE, reason, bounded.state());
  }

  static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Whole seconds read better in a log line than 30417ms; below a second, milliseconds. */
  static String text(Duration d) {
    return d.compareTo(Duration.ofSeconds(1)) >= 0
        ? DurationText.format(Duration.ofSeconds(d.toSeconds()))
        : DurationText.format(d);
  }
}
