package io.zeroscale.autoscaler.decider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest count recommended over a recent stretch of time: a lower recommendation applies only
 * once every recommendation of the last {@code window} was that low (Knative's scale-down delay;
 * zeroscale also uses it for its cold-start hold). Immutable: {@link #record} returns a new one.
 * Holds at most one entry per decision within the window, so it stays small (a 60 s window at a 2 s
 * tick holds about 30).
 */
public final class RecentMaximum {

  public static final RecentMaximum EMPTY = new RecentMaximum(List.of());

  private record Entry(Instant at, int value) {}

  private final List<Entry> entries;

  private RecentMaximum(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * Adds {@code value} at {@code now} and forgets entries older than {@code window} (an entry
   * exactly {@code window} old still counts, so a hold of one tick covers the previous tick).
   */
  public RecentMaximum record(Instant now, int value, Duration window) {
    Instant horizon = now.minus(window);
    List<Entry> kept = new ArrayList<>(entries.size() + 1);
    for (Entry e : entries) {
      if (!e.at().isBefore(horizon) && !e.at().isAfter(now)) {
        kept.add(e);
      }
    }
    kept.add(new Entry(now, value));
    return new RecentMaximum(List.copyOf(kept));
  }

  /** The largest recorded value, 0 when empty. */
  public int max() {
    int max = 0;
    for (Entry e : entries) {
      max = Math.max(max, e.value());
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecentMaximum other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "RecentMaximum" + entries;
  }
}
