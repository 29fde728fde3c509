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
 *   <li><b>Cold-start-aware hold.</b> The count follows the highest need of the last {@code
 *       max(scaleDownDelay, measured cold start)} (rate bounds apply after the hold, so steps down
 *       after a panic are not held up), and the last replica stops only after {@code
 *       max(scaleToZeroGracePeriod, measured cold start)} idle: a gap shorter than a cold start
 *       never pays for stopping and restarting a replica.
 *   <li><b>No flapping.</b> In stable mode a lower count must also fit the stable average plus
 *       {@value #SCALE_DOWN_MARGIN_PERCENT}% and the panic window's average, so a steady load whose
 *       average hovers at a replica boundary does not go up and down, and a count is not cut below
 *       what the last seconds used.
 * </ol>
 *
 * Unlike KPA, the last replica stops once the function has been idle for the grace period (no
 * request, none in flight or waiting, no Kafka lag), without first waiting for the stable window to
 * drain.
 *
 * <p>A Kafka-triggered function's consumer lag asks for {@link LagPolicy#replicas} replicas,
 * combined with the concurrency signals by taking the larger before rate bounds and holds; it
 * counts as activity, but does not enter the panic test (see {@link Demand}). A lower lag count
 * applies only after {@link LagPolicy#scaleDownHold} (a rebalance per change), while the grace
 * period still takes a drained function to zero.
 */
public final class ConcurrencyDecider implements Decider {

  /**
   * Scale-down margin: a lower count must fit the stable average plus this share. The stable
   * average of a load with +-30% noise per second moves by about 2%; 5% clears that, 10% kept
   * replicas noticeably longer on a slowly falling load in the simulator (diurnal trace).
   */
  static final int SCALE_DOWN_MARGIN_PERCENT = 5;

  @Override
  public Decision decide(ScalingPolicy policy, ScaleInputs in, DeciderState before, Instant now) {
    Demand current = Demand.of(policy, in);
    boolean active = in.active() || current.lagActive();
    DeciderState state = active ? before.activeAt(now) : before;
    Duration idle = nonNegative(Duration.between(state.lastActive(), now));
    Duration zeroHold = max(policy.scaleToZeroGracePeriod(), in.coldStart());
    if (!active && idle.compareTo(zeroHold) >= 0) {
      return idleToMinimum(policy, in, state, idle, zeroHold);
    }
    // A lower lag count applies once it has been asked for the whole scale-down hold: every change
    // of a consumer group's size pauses all its consumers for a rebalance, so the count does not
    // follow each dip of a lag that is being worked off (nor the lag the pause itself builds).
    RecentMaximum lagRecent =
        state.lagRecent().record(now, current.lagReplicas(), policy.lag().scaleDownHold());
    Demand demand = current.holdingLag(lagRecent.max());
    RateBounds rate = RateBounds.of(policy, in.readyReplicas());
    boolean over =
        demand.panic() / (double) Math.max(1, in.readyReplicas()) >= policy.panicThreshold()
            || full(policy, in, demand);
    PanicState panic = state.panic().next(over, now, policy.stableWindow());
    // What the load needs, before rate bounds: the hold keeps the highest need of the last
    // max(scaleDownDelay, cold start), so a dip shorter than that lowers nothing, while a count
    // that is only a rate-bounded step down (after a panic) does not hold itself up.
    int stableNeed = activation(policy, demand.stable(), demand.stable());
    int need =
        panic.panicking()
            ? Math.max(stableNeed, activation(policy, demand.panic(), demand.panic()))
            : withScaleDownMargin(policy, in, stableNeed);
    Duration hold = max(policy.scaleDownDelay(), in.coldStart());
    RecentMaximum recent = state.recent().record(now, need, hold);
    int held = rate.clamp(recent.max());
    if (panic.panicking()) {
      held = Math.max(held, panic.highest());
      panic = panic.chose(held);
    }
    if (held == 0 && (in.currentDesired() > 0 || active)) {
      held = 1; // idle for less than the grace period: keep one replica warm
    }
    DeciderState next = state.with(panic, recent).lagRecent(lagRecent);
    Bounded bounded = Bounded.of(policy, in, next, held);
    Mode mode = panic.panicking() ? Mode.PANIC : Mode.STABLE;
    String reason =
        String.format(
            Locale.ROOT,
            "mode=%s stable=%.1f panic=%.1f inFlight=%d queued=%d%s target=%d utilization=%.2f"
                + " wants[stable=%d panic=%d backlog=%d%s] rate=%d..%d hold=%s%s -> %d",
            mode.label(),
            in.stableConcurrency(),
            in.panicConcurrency(),
            in.inFlight(),
            in.queued(),
            policy.lag().enabled() ? " lag=" + in.lag() + " partitions=" + in.partitions() : "",
            policy.capacityTarget(),
            policy.targetUtilization(),
            demand.stableReplicas(),
            demand.panicReplicas(),
            demand.backlogReplicas(),
            policy.lag().enabled() ? lagWants(demand) : "",
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
   * the margin and the panic window's average; otherwise the current count (or the larger of those)
   * stays.
   */
  private static int withScaleDownMargin(ScalingPolicy policy, ScaleInputs in, int stable) {
    int current = in.currentDesired();
    if (stable >= current) {
      return stable;
    }
    double padded = in.stableConcurrency() * (100 + SCALE_DOWN_MARGIN_PERCENT) / 100.0;
    int cautious =
        Math.max(
            Demand.ceil(padded / policy.averagedTarget()),
            Demand.ceil(in.panicConcurrency() / policy.averagedTarget()));
    return Math.max(stable, Math.min(current, cautious));
  }

  /** Knative's activation scale: any non-zero count is at least {@code activationScale}. */
  static int activation(ScalingPolicy policy, int count, int unbounded) {
    return unbounded > 0 ? Math.max(count, policy.activationScale()) : count;
  }

  private static Decision idleToMinimum(
      ScalingPolicy policy, ScaleInputs in, DeciderState state, Duration idle, Duration hold) {
    DeciderState reset =
        state.with(PanicState.CALM, RecentMaximum.EMPTY).lagRecent(RecentMaximum.EMPTY);
    Bounded bounded = Bounded.of(policy, in, reset, 0);
    String reason =
        "mode=stable idle="
            + text(idle)
            + " hold=max(scaleToZeroGracePeriod "
            + text(policy.scaleToZeroGracePeriod())
            + ", coldStart "
            + text(in.coldStart())
            + ")"
            + (policy.lag().enabled()
                ? " lag="
                    + in.lag()
                    + " activationLagThreshold="
                    + policy.lag().activationThreshold()
                : "")
            + bounded.note()
            + " -> "
            + bounded.desired();
    return new Decision(bounded.desired(), Mode.STABLE, reason, bounded.state());
  }

  private static String lagWants(Demand demand) {
    return demand.heldLagReplicas() > demand.lagReplicas()
        ? " lag=" + demand.lagReplicas() + " (held " + demand.heldLagReplicas() + ")"
        : " lag=" + demand.lagReplicas();
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
