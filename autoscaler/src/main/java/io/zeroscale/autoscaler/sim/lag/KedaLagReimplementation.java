package io.zeroscale.autoscaler.sim.lag;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * KEDA's Kafka scaler behind a Kubernetes HPA with their defaults, restated from the documented
 * formulas (not their code): KEDA polls every 30 s, scales 0 → 1 when the lag is above the
 * activation threshold (0) and back to 0 once it has been at or below it for the cooldown period
 * (300 s); from 1 replica up the HPA syncs every 15 s, wants {@code ceil(lag / lagThreshold)} with
 * the lag capped at {@code partitions × lagThreshold}, keeps the count within its 10 % tolerance,
 * grows by at most {@code max(4, 2 × current)} per sync and lowers it only to the highest
 * recommendation of the last 300 s (scale-down stabilization).
 */
final class KedaLagReimplementation implements LagScaler {

  static final String LABEL = "KEDA (re-implementation)";
  private static final double POLL = 30;
  private static final double HPA_SYNC = 15;
  private static final double COOLDOWN = 300;
  private static final double STABILIZATION = 300;
  private static final double TOLERANCE = 0.1;

  private record Recommendation(double at, int count) {}

  private final LagModel model;
  private final Deque<Recommendation> recent = new ArrayDeque<>();
  private double nextPoll = POLL;
  private double nextSync = HPA_SYNC;
  private double lastActive = Double.NEGATIVE_INFINITY;

  KedaLagReimplementation(LagModel model) {
    this.model = model;
  }

  @Override
  public String label() {
    return LABEL;
  }

  @Override
  public int step(double t, GroupState g) {
    int desired = g.desired();
    if (t + 1e-9 >= nextPoll) {
      nextPoll += POLL;
      if (g.lag() > 0) {
        lastActive = t;
        if (desired == 0) {
          return 1;
        }
      } else if (desired > 0 && t - lastActive >= COOLDOWN) {
        recent.clear();
        return 0;
      }
    }
    if (t + 1e-9 >= nextSync) {
      nextSync += HPA_SYNC; // the HPA syncs on its own clock; at zero KEDA holds it off
      return desired > 0 ? hpa(t, g) : desired;
    }
    return desired;
  }

  private int hpa(double t, GroupState g) {
    int current = g.desired();
    long metric = Math.min(g.lag(), (long) model.partitions() * model.lagThreshold());
    double ratio = metric / ((double) model.lagThreshold() * current);
    int wanted =
        Math.abs(ratio - 1) <= TOLERANCE
            ? current
            : Math.max(1, (int) Math.ceil(metric / (double) model.lagThreshold()));
    wanted = Math.min(model.maxScale(), Math.min(wanted, Math.max(current + 4, 2 * current)));
    recent.addLast(new Recommendation(t, wanted));
    while (!recent.isEmpty() && recent.peekFirst().at() < t - STABILIZATION) {
      recent.removeFirst();
    }
    if (wanted >= current) {
      return wanted;
    }
    int highest = recent.stream().mapToInt(Recommendation::count).max().orElse(wanted);
    return Math.min(current, highest);
  }
}
