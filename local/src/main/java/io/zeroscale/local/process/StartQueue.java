package io.zeroscale.local.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Replicas waiting for one of the host's start slots. Starts compete for CPU (a JVM alone answers
 * in ~0.75 s, ten at once take ~4.6 s each), so the slots are bounded and the first replica of a
 * function waking from zero goes ahead of replicas that only add capacity. Guarded by the
 * orchestrator's lock.
 */
final class StartQueue {

  private final List<Replica> waiting = new ArrayList<>();
  private final int slots;
  private int used;

  StartQueue(int slots) {
    this.slots = slots;
  }

  void add(Replica replica) {
    waiting.add(replica);
  }

  boolean remove(Replica replica) {
    return waiting.remove(replica);
  }

  /**
   * Takes the next replica to start if a slot is free, or null.
   *
   * @param priority lower starts first (e.g. 0 for a function without any ready or starting
   *     replica); ties go to the replica queued first
   */
  Replica next(ToIntFunction<Replica> priority) {
    if (used >= slots || waiting.isEmpty()) {
      return null;
    }
    Replica best =
        waiting.stream()
            .min(Comparator.comparingInt(priority).thenComparingLong((Replica r) -> r.sequence))
            .orElseThrow();
    waiting.remove(best);
    best.holdsSlot = true;
    used++;
    return best;
  }

  /** Gives back a replica's slot; harmless if it holds none. */
  void release(Replica replica) {
    if (replica.holdsSlot) {
      replica.holdsSlot = false;
      used--;
    }
  }

  int running() {
    return used;
  }
}
