package io.zeroscale.autoscaler.sim;

import io.zeroscale.autoscaler.decider.Decider;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.Decision;
import io.zeroscale.autoscaler.decider.Mode;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import io.zeroscale.autoscaler.metrics.ColdStartTracker;
import io.zeroscale.autoscaler.metrics.ConcurrencyWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Replays one trace through one decider in steps of 100 ms: requests arrive, wait in the
 * activator's queue until a ready replica has a free slot, and take the service time; every 2 s
 * tick the time-weighted average concurrency of the tick goes into the function's window and the
 * decider runs, as in the {@code ScalingLoop}; pokes decide in between. The windows, the cold-start
 * measurement and the decider are the production classes.
 */
public final class Simulation {

  /** When the activator pokes the autoscaler. */
  public enum Pokes {
    /** zeroscale's activator: every 100 ms while no replica is ready and the queue grows. */
    WHILE_WAITING_AT_ZERO,
    /** Knative's activator: once, at the first request for a revision at zero. */
    FIRST_REQUEST_AT_ZERO
  }

  /** The outcome of one replay. */
  public record Result(String decider, Timeline timeline, Summary summary) {}

  /** Set to a trace's name to print every decision that changes replicas on that trace. */
  public static final String DECISIONS_PROPERTY = "zeroscale.sim.decisions";

  static final double STEP = 0.1;
  static final int STEPS_PER_TICK = 20;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Trace trace;
  private final String label;
  private final Decider decider;
  private final Pokes pokes;
  private final ScalingPolicy policy;
  private final ReplicaPool pool;
  private final Deque<Double> queue = new ArrayDeque<>();
  private final ConcurrencyWindow window = new ConcurrencyWindow();
  private final ColdStartTracker coldStart = new ColdStartTracker();
  private final Timeline timeline = new Timeline();
  private DeciderState state = DeciderState.firstSeen(EPOCH).initialized(true);
  private Mode mode = Mode.STABLE;
  private int desired;
  private double t;
  private double carry;
  private double tickConcurrency;
  private long tickArrivals;
  private int lastPokedQueue;
  private boolean pokedAtZero;
  private final Totals totals = new Totals();

  private Simulation(
      Trace trace, String label, Decider decider, Pokes pokes, ScalingDefaults defaults) {
    this.trace = trace;
    this.label = label;
    this.decider = decider;
    this.pokes = pokes;
    this.policy = ScalingPolicy.resolve(trace.parameters().spec(), defaults);
    this.pool = new ReplicaPool(trace.parameters());
  }

  /** Replays {@code trace} through {@code decider}, the function at zero at the start. */
  public static Result run(Trace trace, String label, Decider decider, Pokes pokes) {
    Simulation sim = new Simulation(trace, label, decider, pokes, ScalingDefaults.defaults());
    sim.replay();
    return new Result(label, sim.timeline, sim.totals.summary());
  }

  private void replay() {
    int steps = trace.seconds() * (int) Math.round(1 / STEP);
    for (int i = 0; i < steps; i++) {
      t = i * STEP;
      step();
      if (i % STEPS_PER_TICK == STEPS_PER_TICK - 1) {
        tick();
      }
      if (i % 10 == 9) {
        timeline.add(
            new Timeline.Row(
                i / 10,
                trace.rateAt(t),
                pool.inService() + queue.size(),
                queue.size(),
                desired,
                pool.ready(t),
                mode == Mode.PANIC));
      }
    }
  }

  private void step() {
    pool.complete(t);
    arrive();
    while (!queue.isEmpty() && pool.dispatch(t)) {
      queue.poll();
      totals.served++;
    }
    double maxWait = trace.parameters().maxWait().toNanos() / 1e9;
    while (!queue.isEmpty() && t - queue.peek() > maxWait) {
      queue.poll();
      totals.dropped++;
    }
    int concurrency = pool.inService() + queue.size();
    tickConcurrency += concurrency * STEP;
    totals.account(t, queue.size(), pool.existing(), pool.ready(t));
    poke();
  }

  private void arrive() {
    carry += trace.rateAt(t) * STEP;
    int n = (int) carry;
    carry -= n;
    for (int k = 0; k < n; k++) {
      totals.arrived(t);
      if (queue.size() >= trace.parameters().queueCapacity()) {
        totals.dropped++;
      } else {
        queue.add(t);
      }
    }
    tickArrivals += n;
  }

  private void poke() {
    if (queue.isEmpty()) {
      lastPokedQueue = 0;
    }
    if (desired > 0) {
      pokedAtZero = false;
    }
    if (pokes == Pokes.WHILE_WAITING_AT_ZERO) {
      if (pool.ready(t) == 0 && queue.size() > lastPokedQueue) {
        lastPokedQueue = queue.size();
        decide(true);
      }
    } else if (desired == 0 && !queue.isEmpty() && !pokedAtZero) {
      pokedAtZero = true;
      decide(true);
    }
  }

  private void tick() {
    double span = STEPS_PER_TICK * STEP;
    Instant now = instant();
    window.record(now, Duration.ofMillis(Math.round(span * 1000)), tickConcurrency / span);
    boolean active = tickArrivals > 0 || pool.inService() > 0 || !queue.isEmpty();
    if (desired == 0 && pool.ready(t) == 0 && !active) {
      window.clear();
    }
    tickConcurrency = 0;
    tickArrivals = 0;
    decide(active);
  }

  private void decide(boolean active) {
    Instant now = instant();
    int ready = pool.ready(t);
    coldStart.observe(now, desired, ready);
    window.trim(now, policy.stableWindow());
    ScaleInputs inputs =
        new ScaleInputs(
            desired,
            ready,
            window.average(now, policy.stableWindow()),
            window.average(now, policy.panicWindow()),
            pool.inService(),
            queue.size(),
            active,
            coldStart.estimate());
    Decision decision = decider.decide(policy, inputs, state, now);
    state = decision.state();
    if (decision.mode() == Mode.PANIC && mode != Mode.PANIC) {
      totals.panicEntries++;
    }
    mode = decision.mode();
    if (decision.desired() != desired) {
      if (trace.name().equals(System.getProperty(DECISIONS_PROPERTY))) {
        System.err.printf(Locale.ROOT, "t=%.1f decider=%s %s%n", t, label, decision.reason());
      }
      totals.changed(desired, decision.desired());
      pool.scaleTo(decision.desired(), t);
      desired = decision.desired();
    }
    coldStart.observe(now, desired, ready);
  }

  private Instant instant() {
    return EPOCH.plusNanos(Math.round(t * 1e9));
  }

  /** Running totals for the {@link Summary}. */
  private static final class Totals {
    double queuedSeconds;
    int maxQueue;
    double replicaSeconds;
    int directionChanges;
    int lastDirection;
    double firstArrival = -1;
    double firstReady = -1;
    long dropped;
    long served;
    int panicEntries;

    void arrived(double t) {
      if (firstArrival < 0) {
        firstArrival = t;
      }
    }

    void account(double t, int queued, int existing, int ready) {
      queuedSeconds += queued * STEP;
      maxQueue = Math.max(maxQueue, queued);
      replicaSeconds += existing * STEP;
      if (firstArrival >= 0 && firstReady < 0 && ready > 0) {
        firstReady = t - firstArrival;
      }
    }

    void changed(int from, int to) {
      int direction = Integer.signum(to - from);
      if (lastDirection != 0 && direction != lastDirection) {
        directionChanges++;
      }
      lastDirection = direction;
    }

    Summary summary() {
      return new Summary(
          queuedSeconds,
          maxQueue,
          replicaSeconds,
          directionChanges,
          firstReady,
          dropped,
          served,
          panicEntries);
    }
  }
}
