package io.zeroscale.autoscaler.sim.lag;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays one lag trace through one scaler in steps of 100 ms: records are produced as the trace
 * says; a replica polls {@code coldStart} after it is asked for; whenever the number of polling
 * replicas changes, the group rebalances and every consumer stops for {@code rebalance}; otherwise
 * {@code min(polling, partitions)} replicas each handle {@code recordsPerReplica} per second and
 * commit at once. The trace runs to its end (traces end with a long quiet stretch).
 */
public final class LagSimulation {

  static final double STEP = 0.1;

  /** Set to a trace's name to print every change of the desired count on that trace. */
  public static final String DECISIONS_PROPERTY = "zeroscale.sim.decisions";

  private final LagTrace trace;
  private final LagScaler scaler;
  private final LagModel model;
  private final List<Double> starts = new ArrayList<>();
  private double lag;
  private double committed;
  private int polling;
  private double pausedUntil;
  private double lagSeconds;
  private double maxLag;
  private double replicaSeconds;
  private int rebalances;
  private double firstProduced = -1;
  private double firstHandled = -1;
  private double lastHandled = -1;
  private double zeroSince = 0;

  private LagSimulation(LagTrace trace, LagScaler scaler) {
    this.trace = trace;
    this.scaler = scaler;
    this.model = trace.model();
  }

  /** Replays {@code trace} through zeroscale's decider and through the KEDA re-implementation. */
  public static List<LagSummary> compare(LagTrace trace) {
    return List.of(
        run(trace, new ZeroscaleLagScaler(trace.model())),
        run(trace, new KedaLagReimplementation(trace.model())));
  }

  static LagSummary run(LagTrace trace, LagScaler scaler) {
    return new LagSimulation(trace, scaler).replay();
  }

  private LagSummary replay() {
    int steps = (int) Math.round(trace.produced().length / STEP);
    for (int i = 0; i < steps; i++) {
      double t = i * STEP;
      produce(t);
      poll(t);
      consume(t);
      scale(t);
      lagSeconds += lag * STEP;
      maxLag = Math.max(maxLag, lag);
      replicaSeconds += starts.size() * STEP;
    }
    double zeroAfter =
        !starts.isEmpty() || lastHandled < 0 ? -1 : Math.max(0, zeroSince - lastHandled);
    return new LagSummary(
        lagSeconds,
        Math.round(maxLag),
        replicaSeconds,
        rebalances,
        firstHandled < 0 ? -1 : firstHandled - firstProduced,
        zeroAfter,
        Math.round(lag));
  }

  private void produce(double t) {
    double records = trace.rateAt((int) Math.floor(t)) * STEP;
    if (records > 0 && firstProduced < 0) {
      firstProduced = t;
    }
    lag += records;
  }

  /** Replicas past their cold start poll; a change of the polling set is a rebalance. */
  private void poll(double t) {
    double cold = model.seconds(model.coldStart());
    int now = (int) starts.stream().filter(s -> t >= s + cold - 1e-9).count();
    if (now != polling) {
      polling = now;
      rebalances++;
      pausedUntil = t + model.seconds(model.rebalance());
    }
  }

  private void consume(double t) {
    if (t < pausedUntil || polling == 0) {
      return;
    }
    double handled =
        Math.min(lag, Math.min(polling, model.partitions()) * model.recordsPerReplica() * STEP);
    if (handled > 0) {
      if (firstHandled < 0) {
        firstHandled = t;
      }
      lastHandled = t;
    }
    lag -= handled;
    committed += handled;
  }

  private void scale(double t) {
    int desired = starts.size();
    int ready = (int) Math.min(polling, desired);
    LagScaler.GroupState group =
        new LagScaler.GroupState(
            (long) Math.ceil(lag - 1e-6),
            model.partitions(),
            Math.round(committed),
            desired,
            ready);
    int wanted = Math.max(0, scaler.step(t, group));
    if (wanted != desired && trace.name().equals(System.getProperty(DECISIONS_PROPERTY))) {
      System.err.printf(
          java.util.Locale.ROOT,
          "t=%.1f scaler=%s lag=%d polling=%d %d -> %d%n",
          t,
          scaler.label(),
          group.lag(),
          polling,
          desired,
          wanted);
    }
    while (starts.size() < wanted) {
      starts.add(t);
    }
    while (starts.size() > wanted) {
      starts.remove(starts.size() - 1); // the newest (still starting, if any) goes first
    }
    if (desired > 0 && wanted == 0) {
      zeroSince = t;
    }
  }
}
