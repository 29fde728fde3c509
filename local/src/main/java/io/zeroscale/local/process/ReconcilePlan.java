package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Which replicas of one function to start and which to stop, decided from a snapshot of its
 * replicas. Pure: it reads nothing but its arguments and changes nothing, so the rules can be
 * tested without processes.
 *
 * @param starts how many new replicas to add (0 when none are missing)
 * @param stops replicas to stop, in the order they were picked
 */
record ReconcilePlan(int starts, List<Replica> stops) {

  ReconcilePlan {
    stops = List.copyOf(stops);
  }

  /**
   * Decides for one function.
   *
   * <p>A replica is current when it runs {@code workload}, outdated otherwise; terminating replicas
   * are already on their way out and are ignored. Current replicas are topped up or trimmed to
   * {@code want}. Rolling: an outdated ready replica keeps serving until a current one is ready to
   * take its place, so a spec change never drops the function below its ready count.
   *
   * @param replicas the function's replicas, in any state
   * @param workload what replicas should run, null when the function is not applied (all outdated)
   * @param want how many replicas the function should have (0 when not applied)
   * @param load requests in flight on a ready replica; consulted only for ready replicas
   */
  static ReconcilePlan decide(
      List<Replica> replicas,
      FunctionSpec.Workload workload,
      int want,
      ToIntFunction<Replica> load) {
    List<Replica> current = new ArrayList<>();
    List<Replica> outdated = new ArrayList<>();
    for (Replica r : replicas) {
      if (r.state == ReplicaState.TERMINATING) {
        continue;
      }
      boolean upToDate = workload != null && r.spec.workload().equals(workload);
      (upToDate ? current : outdated).add(r);
    }
    int missing = want - current.size();
    List<Replica> stops = new ArrayList<>(pickToStop(current, -missing, load));
    long currentReady =
        current.stream().filter(r -> r.state == ReplicaState.READY && !stops.contains(r)).count();
    long outdatedReady = outdated.stream().filter(r -> r.state == ReplicaState.READY).count();
    long keep = Math.min(outdatedReady, Math.max(0, want - currentReady));
    stops.addAll(pickToStop(outdated, (int) (outdated.size() - keep), load));
    return new ReconcilePlan(Math.max(0, missing), stops);
  }

  /** Not-ready replicas first (pending, then starting), then the ready ones with least load. */
  static List<Replica> pickToStop(
      List<Replica> candidates, int count, ToIntFunction<Replica> load) {
    if (count <= 0) {
      return List.of();
    }
    Map<Replica, Integer> loads = new HashMap<>();
    for (Replica r : candidates) {
      loads.put(r, r.state == ReplicaState.READY ? load.applyAsInt(r) : 0);
    }
    return candidates.stream()
        .sorted(
            Comparator.comparingInt((Replica r) -> r.state.ordinal())
                .thenComparingInt(loads::get)
                .thenComparing(Comparator.comparingLong((Replica r) -> r.sequence).reversed()))
        .limit(count)
        .toList();
  }
}
