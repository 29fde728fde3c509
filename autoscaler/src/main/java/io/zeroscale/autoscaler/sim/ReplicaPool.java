package io.zeroscale.autoscaler.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The simulated replicas of one function: each starts after the cold start (longer when others
 * start at the same time), serves up to {@code capacity} requests at once, and on scale-down stops
 * taking requests and leaves once its last one finished (starting ones are dropped first).
 */
final class ReplicaPool {

  private static final class Replica {
    final double readyAt;
    boolean draining;
    final PriorityQueue<Double> finishing = new PriorityQueue<>();

    Replica(double readyAt) {
      this.readyAt = readyAt;
    }

    boolean ready(double now) {
      return !draining && readyAt <= now;
    }
  }

  private final SimParameters parameters;
  private final List<Replica> replicas = new ArrayList<>();

  ReplicaPool(SimParameters parameters) {
    this.parameters = parameters;
  }

  /** Ends the requests due by {@code now} and removes drained replicas. */
  void complete(double now) {
    for (Replica r : replicas) {
      while (!r.finishing.isEmpty() && r.finishing.peek() <= now + 1e-9) {
        r.finishing.poll();
      }
    }
    replicas.removeIf(r -> r.draining && r.finishing.isEmpty());
  }

  /** Hands one request to the least busy ready replica with a free slot; false when none has. */
  boolean dispatch(double now) {
    Replica best = null;
    for (Replica r : replicas) {
      if (r.ready(now)
          && r.finishing.size() < parameters.capacity()
          && (best == null || r.finishing.size() < best.finishing.size())) {
        best = r;
      }
    }
    if (best == null) {
      return false;
    }
    best.finishing.add(now + parameters.serviceTime().toNanos() / 1e9);
    return true;
  }

  /** Starts or stops replicas so that {@code desired} are running or starting. */
  void scaleTo(int desired, double now) {
    int active = (int) replicas.stream().filter(r -> !r.draining).count();
    if (desired > active) {
      int starting = (int) replicas.stream().filter(r -> !r.draining && r.readyAt > now).count();
      double cold = parameters.coldStart().toNanos() / 1e9;
      double contention = parameters.startContention().toNanos() / 1e9;
      for (int k = 0; k < desired - active; k++) {
        replicas.add(new Replica(now + cold + contention * (starting + k)));
      }
      return;
    }
    List<Replica> candidates = new ArrayList<>(replicas.stream().filter(r -> !r.draining).toList());
    // Starting replicas go first (latest first), then the ready ones serving the fewest requests.
    candidates.sort(
        (a, b) -> {
          boolean aStarting = a.readyAt > now;
          boolean bStarting = b.readyAt > now;
          if (aStarting != bStarting) {
            return aStarting ? -1 : 1;
          }
          return aStarting
              ? Double.compare(b.readyAt, a.readyAt)
              : Integer.compare(a.finishing.size(), b.finishing.size());
        });
    for (int i = 0; i < active - desired; i++) {
      Replica r = candidates.get(i);
      if (r.readyAt > now) {
        replicas.remove(r);
      } else {
        r.draining = true;
      }
    }
  }

  int ready(double now) {
    return (int) replicas.stream().filter(r -> r.ready(now)).count();
  }

  /** Replicas that exist (starting, ready or draining): what they cost. */
  int existing() {
    return replicas.size();
  }

  int inService() {
    return replicas.stream().mapToInt(r -> r.finishing.size()).sum();
  }
}
