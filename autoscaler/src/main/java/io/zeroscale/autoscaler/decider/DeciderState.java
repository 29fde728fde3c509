package io.zeroscale.autoscaler.decider;

import java.time.Instant;
import java.util.Objects;

/**
 * What a decider remembers between two decisions about one function, handed back with each {@link
 * Decision} and passed into the next call (the decider itself keeps nothing).
 *
 * @param lastActive when load was last seen; a function first seen counts as active at that moment,
 *     so one restored at some scale gets a full grace period before it goes to zero
 * @param panic panic mode, or {@link PanicState#CALM}
 * @param recent recent recommendations, for the scale-down hold
 * @param initialized true once the function reached its initial scale (or needs none)
 * @param zeroSince when the recommendation first became zero in a row of such decisions, null
 *     otherwise (Knative's "inactive since", used by the KPA re-implementation)
 * @param lagRecent recent replica counts asked for by Kafka lag, held over the stable window
 */
public record DeciderState(
    Instant lastActive,
    PanicState panic,
    RecentMaximum recent,
    boolean initialized,
    Instant zeroSince,
    RecentMaximum lagRecent) {

  public DeciderState {
    Objects.requireNonNull(lastActive, "lastActive");
    Objects.requireNonNull(panic, "panic");
    Objects.requireNonNull(recent, "recent");
    Objects.requireNonNull(lagRecent, "lagRecent");
  }

  /** The state of a function seen for the first time at {@code now}. */
  public static DeciderState firstSeen(Instant now) {
    return new DeciderState(
        now, PanicState.CALM, RecentMaximum.EMPTY, false, null, RecentMaximum.EMPTY);
  }

  public DeciderState activeAt(Instant now) {
    return new DeciderState(now, panic, recent, initialized, zeroSince, lagRecent);
  }

  public DeciderState with(PanicState p, RecentMaximum r) {
    return new DeciderState(lastActive, p, r, initialized, zeroSince, lagRecent);
  }

  public DeciderState initialized(boolean value) {
    return new DeciderState(lastActive, panic, recent, value, zeroSince, lagRecent);
  }

  public DeciderState zeroSince(Instant value) {
    return new DeciderState(lastActive, panic, recent, initialized, value, lagRecent);
  }

  public DeciderState lagRecent(RecentMaximum value) {
    return new DeciderState(lastActive, panic, recent, initialized, zeroSince, value);
  }
}
