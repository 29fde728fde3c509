package io.zeroscale.autoscaler.loop;

import io.zeroscale.api.function.FunctionKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pokes not yet handled, by function: repeated pokes before the decision runs fold into one entry
 * holding the largest queue length reported. Any thread.
 */
final class PendingPokes {

  private final Map<FunctionKey, Integer> pending = new ConcurrentHashMap<>();

  /** Records a poke; true when it is the first since the last {@link #take} (schedule one). */
  boolean add(FunctionKey key, int queued) {
    int waiting = Math.max(0, queued);
    boolean[] first = {false};
    pending.compute(
        key,
        (k, before) -> {
          first[0] = before == null;
          return before == null ? waiting : Math.max(before, waiting);
        });
    return first[0];
  }

  /** The largest queue length poked since the last take, null if none. */
  Integer take(FunctionKey key) {
    return pending.remove(key);
  }
}
