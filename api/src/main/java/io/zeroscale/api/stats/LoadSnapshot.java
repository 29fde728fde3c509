package io.zeroscale.api.stats;

import io.zeroscale.api.function.FunctionKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function's {@link LoadTotals} on one data-path instance at one moment: what an instance
 * reports to the leading autoscaler, which turns two of them into the load in between ({@link
 * #since}).
 *
 * @param instance identifies the data path; a new one (a restarted pod) starts its totals at zero
 * @param nanos the instance's monotonic clock when the totals were read (only comparable with the
 *     same instance's)
 * @param functions the totals of every function the instance routes
 */
public record LoadSnapshot(String instance, long nanos, List<LoadTotals> functions) {

  private static final double NANOS_PER_SECOND = 1e9;

  public LoadSnapshot {
    functions = List.copyOf(functions);
  }

  /**
   * The load per function between {@code previous} and this snapshot, as {@link LoadSource#collect}
   * returns it: the time-weighted concurrency is the growth of the integral over the time between
   * the two. Without a comparable previous snapshot (none, another instance, a clock that did not
   * advance) there is no span to average over, and each function counts with what is in flight and
   * waiting now. A function whose totals went down (deleted and created again) counts its totals as
   * they are, since they all fall in the span. Idle functions are left out.
   */
  public Map<FunctionKey, FunctionLoad> since(LoadSnapshot previous) {
    Map<FunctionKey, FunctionLoad> load = new HashMap<>();
    boolean comparable =
        previous != null && previous.instance.equals(instance) && nanos > previous.nanos;
    Map<FunctionKey, LoadTotals> before = comparable ? previous.byKey() : Map.of();
    double seconds = comparable ? (nanos - previous.nanos) / NANOS_PER_SECOND : 0;
    for (LoadTotals now : functions) {
      FunctionLoad seen;
      if (!comparable) {
        seen =
            new FunctionLoad(
                now.key(), now.inFlight() + now.queued(), now.inFlight(), now.queued(), 0);
      } else {
        LoadTotals then = before.get(now.key());
        LoadTotals base =
            then == null || now.restartedSince(then) ? new LoadTotals(now.key(), 0, 0, 0, 0) : then;
        seen =
            new FunctionLoad(
                now.key(),
                (now.concurrencySeconds() - base.concurrencySeconds()) / seconds,
                now.inFlight(),
                now.queued(),
                now.requests() - base.requests());
      }
      if (seen.active()) {
        load.put(now.key(), seen);
      }
    }
    return load;
  }

  private Map<FunctionKey, LoadTotals> byKey() {
    Map<FunctionKey, LoadTotals> byKey = new HashMap<>();
    functions.forEach(t -> byKey.put(t.key(), t));
    return byKey;
  }
}
