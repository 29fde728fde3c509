package io.zeroscale.autoscaler.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.zeroscale.api.function.ScalingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcurrencyDeciderTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final Decider decider = new ConcurrencyDecider();

  /** minScale, maxScale, target, grace (the knobs), then inputs, idle time, expectation. */
  static Stream<Arguments> rules() {
    return Stream.of(
        // Under load: ceil(max(concurrency, inFlight + queued) / target), bounded.
        row(
            "scalesUpWithConcurrencyOverTarget",
            spec(0, 10, 10, "30s"),
            load(1, 23.0, 0),
            0,
            3,
            "max(concurrency 23.0, in flight 23 + queued 0) / target 10 -> 3"),
        row(
            "queuedRequestsAreAFloorUnderTheAverage",
            spec(0, 10, 10, "30s"),
            load(2, 5.0, 25),
            0,
            3,
            "max(concurrency 5.0, in flight 0 + queued 25) / target 10 -> 3"),
        row(
            "queuedRequestsAreNotCountedTwice",
            spec(0, 10, 10, "30s"),
            load(2, 15.0, 10),
            0,
            2,
            "max(concurrency 15.0, in flight 5 + queued 10) / target 10 -> 2"),
        row(
            "scalesDownWhenConcurrencyDrops",
            spec(0, 10, 10, "30s"),
            load(5, 12.0, 0),
            0,
            2,
            "-> 2"),
        row(
            "keepsScaleWhenConcurrencyFits",
            spec(0, 10, 10, "30s"),
            load(3, 30.0, 0),
            0,
            3,
            "-> 3"),
        row(
            "smallerTargetMeansMoreReplicas",
            spec(0, 10, 5, "30s"),
            load(1, 23.0, 0),
            0,
            5,
            "target 5 -> 5"),
        row(
            "neverAboveMaxScale",
            spec(0, 4, 10, "30s"),
            load(2, 100.0, 0),
            0,
            4,
            "= 10, bounded by minScale/maxScale -> 4"),
        row(
            "neverBelowMinScaleUnderLoad",
            spec(3, 10, 10, "30s"),
            load(3, 2.0, 0),
            0,
            3,
            "bounded by minScale/maxScale -> 3"),
        row(
            "neverBelowOneWhileRequestsAreInFlight",
            spec(0, 10, 10, "30s"),
            new ScaleInputs(2, 2, 0.0, 1, 0, 0),
            0,
            1,
            "-> 1"),
        row(
            "neverBelowOneWhileRequestsArrive",
            spec(0, 10, 10, "30s"),
            new ScaleInputs(1, 1, 0.0, 0, 0, 3),
            0,
            1,
            "-> 1"),
        row(
            "lowersToNewMaxScaleWhenSpecShrinks",
            spec(0, 2, 10, "30s"),
            load(6, 60.0, 0),
            0,
            2,
            "= 6, bounded by minScale/maxScale -> 2"),
        // Waking from zero: the first step is sized by the queue.
        row(
            "wakesFromZeroWithOneReplicaForOneRequest",
            spec(0, 10, 10, "30s"),
            load(0, 0.0, 1),
            120,
            1,
            "waking from zero: 1 queued / target 10 -> 1"),
        row(
            "wakesFromZeroSizingFirstStepByQueue",
            spec(0, 10, 10, "30s"),
            load(0, 0.0, 23),
            120,
            3,
            "waking from zero: 23 queued / target 10 -> 3"),
        row(
            "wakesFromZeroWithAtLeastOneWithoutQueue",
            spec(0, 10, 10, "30s"),
            load(0, 0.4, 0),
            120,
            1,
            "waking from zero: 0 queued / target 10 -> 1"),
        row(
            "wakesFromZeroNoHigherThanMaxScale",
            spec(0, 5, 10, "30s"),
            load(0, 0.0, 200),
            120,
            5,
            "waking from zero: 200 queued / target 10 = 20, bounded by minScale/maxScale -> 5"),
        row(
            "wakesFromZeroWithQueueAndTargetOne",
            spec(0, 10, 1, "30s"),
            load(0, 0.0, 7),
            120,
            7,
            "7 queued / target 1 -> 7"),
        // Idle: keep one warm within the grace period, then go to minScale.
        row(
            "keepsOneReplicaWhileIdleWithinGrace",
            spec(0, 10, 10, "30s"),
            ScaleInputs.idle(1, 1),
            10,
            1,
            "idle for 10s < scaleToZeroGracePeriod 30s -> 1"),
        row(
            "dropsToOneReplicaWhenIdleWithinGrace",
            spec(0, 10, 10, "30s"),
            ScaleInputs.idle(4, 4),
            5,
            1,
            "idle for 5s < scaleToZeroGracePeriod 30s -> 1"),
        row(
            "scalesToZeroAfterGracePeriod",
            spec(0, 10, 10, "30s"),
            ScaleInputs.idle(1, 1),
            30,
            0,
            "idle for 30s >= scaleToZeroGracePeriod 30s -> 0"),
        row(
            "scalesToZeroFromManyAfterGracePeriod",
            spec(0, 10, 10, "30s"),
            ScaleInputs.idle(6, 6),
            45,
            0,
            "idle for 45s >= scaleToZeroGracePeriod 30s -> 0"),
        row(
            "shortGracePeriodScalesToZeroSooner",
            spec(0, 10, 10, "5s"),
            ScaleInputs.idle(1, 1),
            5,
            0,
            "idle for 5s >= scaleToZeroGracePeriod 5s -> 0"),
        row(
            "zeroGracePeriodScalesToZeroAtOnce",
            spec(0, 10, 10, "0s"),
            ScaleInputs.idle(1, 1),
            0,
            0,
            ">= scaleToZeroGracePeriod 0s -> 0"),
        row("staysAtZeroWhenIdle", spec(0, 10, 10, "30s"), ScaleInputs.idle(0, 0), 300, 0, "-> 0"),
        row(
            "idleStopsAtMinScaleNotZero",
            spec(2, 10, 10, "30s"),
            ScaleInputs.idle(5, 5),
            60,
            2,
            "idle for 1m >= scaleToZeroGracePeriod 30s -> 2"),
        row(
            "idleWithinGraceKeepsMinScale",
            spec(2, 10, 10, "30s"),
            ScaleInputs.idle(5, 5),
            1,
            2,
            "-> 2"),
        row(
            "idleRaisesToNewMinScale",
            spec(2, 10, 10, "30s"),
            ScaleInputs.idle(0, 0),
            300,
            2,
            "-> 2"));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void decides(ScalingSpec spec, ScaleInputs inputs, int idleSeconds, int expected, String reason) {
    ActivityState state = new ActivityState(NOW.minusSeconds(idleSeconds));

    Decision decision = decider.decide(spec, inputs, state, NOW);

    assertThat(decision.desired())
        .as("desired replicas, reason: %s", decision.reason())
        .isEqualTo(expected);
    assertThat(decision.reason()).contains(reason);
  }

  @Test
  void loadMarksTheFunctionActiveNow() {
    ActivityState old = new ActivityState(NOW.minus(Duration.ofHours(1)));

    Decision decision = decider.decide(spec(0, 10, 10, "30s"), load(1, 3.0, 0), old, NOW);

    assertThat(decision.state().lastActive()).isEqualTo(NOW);
  }

  @Test
  void idleKeepsTheLastActiveTime() {
    ActivityState old = new ActivityState(NOW.minusSeconds(10));

    Decision decision = decider.decide(spec(0, 10, 10, "30s"), ScaleInputs.idle(1, 1), old, NOW);

    assertThat(decision.state()).isEqualTo(old);
  }

  @Test
  void gracePeriodCountsFromTheLastActivityNotFromTheLastDecision() {
    ScalingSpec spec = spec(0, 10, 10, "30s");
    Decision busy = decider.decide(spec, load(1, 2.0, 0), ActivityState.firstSeen(NOW), NOW);

    Decision at29 = decider.decide(spec, ScaleInputs.idle(1, 1), busy.state(), NOW.plusSeconds(29));
    Decision at30 = decider.decide(spec, ScaleInputs.idle(1, 1), at29.state(), NOW.plusSeconds(30));

    assertThat(at29.desired()).isEqualTo(1);
    assertThat(at30.desired()).isZero();
  }

  @Test
  void sameInputsGiveTheSameDecision() {
    ScalingSpec spec = spec(0, 10, 10, "30s");
    ScaleInputs inputs = load(2, 17.5, 4);
    ActivityState state = ActivityState.firstSeen(NOW);

    assertThat(decider.decide(spec, inputs, state, NOW))
        .isEqualTo(decider.decide(spec, inputs, state, NOW));
  }

  @Test
  void specWithoutScalingFieldsUsesDefaults() {
    ScalingSpec empty = new ScalingSpec(null, null, null, null, null);

    Decision decision = decider.decide(empty, load(1, 25.0, 0), ActivityState.firstSeen(NOW), NOW);

    assertThat(decision.desired()).isEqualTo(3); // default target 10
  }

  private static Arguments row(
      String name,
      ScalingSpec spec,
      ScaleInputs inputs,
      int idleSeconds,
      int expected,
      String reason) {
    return argumentSet(name, spec, inputs, idleSeconds, expected, reason);
  }

  private static ScalingSpec spec(int min, int max, int target, String grace) {
    return new ScalingSpec(min, max, target, 0, grace);
  }

  /** Load on a function that has {@code desired} replicas, all ready. */
  private static ScaleInputs load(int desired, double concurrency, int queued) {
    // The data path's average counts queued requests too; in flight is the rest of it.
    int inFlight = Math.max(0, (int) concurrency - queued);
    return new ScaleInputs(desired, desired, concurrency, inFlight, queued, 1);
  }
}
