package io.zeroscale.autoscaler.decider;

import static io.zeroscale.autoscaler.decider.Scenario.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.autoscaler.sim.KpaReimplementation;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * zeroscale's decider, one knob or one improvement per test; KPA's answer alongside where useful.
 */
class ConcurrencyDeciderTest {

  private static final ConcurrencyDecider ZEROSCALE = new ConcurrencyDecider();
  private static final KpaReimplementation KPA = new KpaReimplementation();

  private static Scenario zeroscale(ScalingSpec spec) {
    return new Scenario(ZEROSCALE, spec);
  }

  private static ScalingSpec knobs(
      Integer min,
      Integer max,
      Integer target,
      Integer cc,
      String grace,
      Integer utilization,
      String stableWindow,
      Integer panicPct,
      Integer thresholdPct,
      Double upRate,
      Double downRate,
      String delay,
      Integer initial,
      Integer activation) {
    return new ScalingSpec(
        min,
        max,
        target,
        cc,
        grace,
        utilization,
        stableWindow,
        panicPct,
        thresholdPct,
        upRate,
        downRate,
        delay,
        initial,
        activation);
  }

  static Stream<Arguments> steadyLoadSizing() {
    return Stream.of(
        // name, spec, stable concurrency, expected replicas
        Arguments.of("target 10 at 70%: 35 / 7", spec(0, 50, 10), 35.0, 5),
        Arguments.of("just over a boundary", spec(0, 50, 10), 35.5, 6),
        Arguments.of(
            "utilization 100%: 35 / 10",
            knobs(0, 50, 10, 0, "30s", 100, null, null, null, null, null, null, null, null),
            35.0,
            4),
        Arguments.of(
            "containerConcurrency 5 below target 10: 35 / 3.5",
            knobs(0, 50, 10, 5, "30s", null, null, null, null, null, null, null, null, null),
            35.0,
            10),
        Arguments.of("maxScale caps", spec(0, 3, 10), 35.0, 3),
        Arguments.of("minScale floors", spec(8, 10, 10), 35.0, 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("steadyLoadSizing")
  void sizesASteadyLoadFromTheStableWindow(
      String name, ScalingSpec spec, double concurrency, int expected) {
    Scenario s = zeroscale(spec).at(expected, expected);
    Decision d = s.decide(concurrency, concurrency, 0, 0);
    assertThat(d.desired()).as(d.reason()).isEqualTo(expected);
    assertThat(d.mode()).isEqualTo(Mode.STABLE);
  }

  @Test
  void panicStartsAtTheThresholdAndNeverScalesDownWhileItLasts() {
    Scenario s = zeroscale(spec(0, 100, 10)).at(2, 2);
    // panic window asks for ceil(28 / 7) = 4 = 2.0 x ready: panic
    Decision first = s.decide(10, 28, 0, 0);
    assertThat(first.mode()).isEqualTo(Mode.PANIC);
    assertThat(first.desired()).isEqualTo(4);

    Decision calmer = s.afterSeconds(2).decide(10, 7, 0, 0);
    assertThat(calmer.mode())
        .as("within a stable window of the last over-threshold tick")
        .isEqualTo(Mode.PANIC);
    assertThat(calmer.desired()).as("never down in panic").isEqualTo(4);

    Decision after = s.afterSeconds(61).decide(10, 7, 0, 0);
    assertThat(after.mode()).isEqualTo(Mode.STABLE);
  }

  @Test
  void aHigherPanicThresholdKeepsTheSameLoadInStableMode() {
    ScalingSpec spec =
        knobs(0, 100, 10, 0, "30s", null, null, null, 300, null, null, null, null, null);
    Decision d = zeroscale(spec).at(2, 2).decide(10, 28, 0, 0);
    assertThat(d.mode()).isEqualTo(Mode.STABLE);
    assertThat(d.desired()).isEqualTo(2);
  }

  @Test
  void panicWindowIsAShareOfTheStableWindow() {
    ScalingPolicy p =
        ScalingPolicy.resolve(
            knobs(null, null, null, null, null, null, "2m", 20, null, null, null, null, null, null),
            ScalingDefaults.defaults());
    assertThat(p.stableWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.panicWindow()).isEqualTo(Duration.ofSeconds(24));
    ScalingPolicy defaults = ScalingPolicy.resolve(null, ScalingDefaults.defaults());
    assertThat(defaults.panicWindow()).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void maxScaleUpRateBoundsOneStep() {
    ScalingSpec spec =
        knobs(0, 100, 10, 0, "30s", null, null, null, 1000, 2.0, null, null, null, null);
    Decision d = zeroscale(spec).at(2, 2).decide(140, 140, 0, 0);
    assertThat(d.desired()).as(d.reason()).isEqualTo(4);
  }

  @Test
  void maxScaleDownRateBoundsOneStep() {
    Scenario s = zeroscale(spec(0, 100, 10)).at(8, 8);
    Decision d = s.decide(5, 5, 5, 0);
    assertThat(d.desired()).as("floor(8 / 2)").isEqualTo(4);
    assertThat(s.afterSeconds(2).decide(5, 5, 5, 0).desired()).isEqualTo(2);
  }

  @Test
  void scaleDownDelayKeepsTheHighestCountOfTheDelayWindow() {
    ScalingSpec spec =
        knobs(0, 100, 10, 0, "30s", null, null, null, null, null, 100.0, "10s", null, null);
    Scenario s = zeroscale(spec).at(5, 5);
    s.steady(35);
    assertThat(s.afterSeconds(4).steady(6).desired()).as("within the delay").isEqualTo(5);
    assertThat(s.afterSeconds(4).steady(6).desired()).isEqualTo(5);
    assertThat(s.afterSeconds(4).steady(6).desired()).as("12 s after the last 5").isEqualTo(1);
  }

  @Test
  void initialScaleStartsReplicasForAFunctionNobodyCalledYet() {
    ScalingSpec spec =
        knobs(0, 10, 10, 0, "30s", null, null, null, null, null, null, null, 2, null);
    Scenario s = zeroscale(spec).at(0, 0);
    s.ready = 0;
    Decision first = s.idle();
    assertThat(first.desired()).isEqualTo(2);
    assertThat(first.state().initialized()).as("not ready yet").isFalse();
    // ready follows; once reached, the initial scale no longer holds the count up
    assertThat(s.afterSeconds(2).idle().state().initialized()).isTrue();
    assertThat(s.afterSeconds(31).idle().desired()).as("idle past the grace period").isZero();
  }

  @Test
  void scaleToZeroGracePeriodKeepsOneReplicaWarmThenStopsIt() {
    Scenario s = zeroscale(spec(0, 10, 10)).at(1, 1);
    s.steady(3);
    assertThat(s.afterSeconds(10).idle().desired()).isEqualTo(1);
    assertThat(s.afterSeconds(19).idle().desired()).isEqualTo(1);
    Decision zero = s.afterSeconds(2).idle();
    assertThat(zero.desired()).as(zero.reason()).isZero();
    assertThat(zero.reason()).contains("idle=31s");
  }

  @Test
  void minScaleKeepsReplicasWhenIdle() {
    Scenario s = zeroscale(spec(2, 10, 10)).at(2, 2);
    assertThat(s.afterSeconds(120).idle().desired()).isEqualTo(2);
  }

  @Test
  void activationScaleIsTheFewestReplicasUnderAnyLoad() {
    ScalingSpec spec =
        knobs(0, 10, 10, 0, "30s", null, null, null, null, null, null, null, null, 3);
    assertThat(zeroscale(spec).at(0, 0).decide(0, 0, 0, 1).desired()).isEqualTo(3);
    assertThat(zeroscale(spec).at(3, 3).steady(2).desired()).isEqualTo(3);
  }

  // --- the four improvements over KPA -----------------------------------------------------------

  @Test
  void wakesFromZeroWithQueuedRequestsSizingFirstStep() {
    Decision ours = zeroscale(spec(0, 10, 10)).at(0, 0).decide(0, 0, 0, 23);
    Decision kpa = new Scenario(KPA, spec(0, 10, 10)).at(0, 0).decide(0, 0, 0, 23);
    assertThat(ours.desired()).as(ours.reason()).isEqualTo(3);
    assertThat(kpa.desired()).as("KPA wakes with one: " + kpa.reason()).isEqualTo(1);
  }

  @Test
  void burstAgainstAFullFunctionIsSeenWithinOneTick() {
    // Two replicas at their hard limit of 10, 40 more waiting; the windows have not caught up.
    ScalingSpec spec = new ScalingSpec(0, 20, 10, 10, "30s");
    Decision ours = zeroscale(spec).at(2, 2).decide(14, 18, 20, 40);
    Decision kpa = new Scenario(KPA, spec).at(2, 2).decide(14, 18, 20, 40);
    assertThat(ours.desired()).as(ours.reason()).isEqualTo(6);
    assertThat(ours.mode()).isEqualTo(Mode.PANIC);
    assertThat(kpa.desired()).as("KPA waits for the averages: " + kpa.reason()).isEqualTo(2);
    assertThat(kpa.mode()).isEqualTo(Mode.STABLE);
  }

  @Test
  void gapShorterThanTheColdStartDoesNotBounceToZero() {
    ScalingSpec shortGrace = new ScalingSpec(0, 10, 10, 0, "2s");
    Scenario measured = zeroscale(shortGrace).at(1, 1).coldStart(Duration.ofSeconds(8));
    measured.steady(5);
    assertThat(measured.afterSeconds(6).idle().desired())
        .as("6 s idle < 8 s cold start: keep the replica")
        .isEqualTo(1);
    assertThat(measured.afterSeconds(3).idle().desired()).as("9 s idle").isZero();

    Scenario unmeasured = zeroscale(shortGrace).at(1, 1);
    unmeasured.steady(5);
    assertThat(unmeasured.afterSeconds(6).idle().desired())
        .as("without a measured cold start only the grace period counts")
        .isZero();
  }

  @Test
  void scaleDownWaitsOutTheMeasuredColdStart() {
    Scenario s = zeroscale(spec(0, 20, 10)).at(6, 6).coldStart(Duration.ofSeconds(8));
    s.steady(40);
    assertThat(s.afterSeconds(2).steady(10).desired()).as("2 s after needing 6").isEqualTo(6);
    assertThat(s.afterSeconds(4).steady(10).desired()).isEqualTo(6);
    assertThat(s.afterSeconds(4).steady(10).desired()).as("10 s after").isEqualTo(3);
  }

  @Test
  void aLowerCountMustAlsoFitThePanicWindow() {
    // The stable window still remembers a quieter minute; the last 6 s need 9 (below panic).
    Decision d = zeroscale(spec(0, 20, 10)).at(10, 10).decide(35, 60, 60, 0);
    assertThat(d.mode()).isEqualTo(Mode.STABLE);
    assertThat(d.desired()).as(d.reason()).isEqualTo(9);
  }

  @Test
  void rateBoundedStepsDownAreNotHeldUpByTheColdStartHold() {
    Scenario s = zeroscale(spec(0, 50, 10)).at(50, 50).coldStart(Duration.ofSeconds(8));
    assertThat(s.decide(3, 3, 3, 0).desired()).isEqualTo(25);
    assertThat(s.afterSeconds(2).decide(3, 3, 3, 0).desired()).isEqualTo(12);
    assertThat(s.afterSeconds(2).decide(3, 3, 3, 0).desired()).isEqualTo(6);
  }

  @Test
  void steadyNoisyLoadDoesNotOscillate() {
    double[] stableAverages = {34.2, 35.6, 34.6, 35.4, 34.4, 35.8, 34.9, 35.3, 34.1, 35.7};
    assertThat(directionChanges(ZEROSCALE, stableAverages)).isZero();
    assertThat(directionChanges(KPA, stableAverages))
        .as("KPA follows the average across the 5/6 boundary")
        .isGreaterThanOrEqualTo(8);
  }

  private static int directionChanges(Decider decider, double[] averages) {
    Scenario s = new Scenario(decider, spec(0, 20, 10)).at(5, 5);
    int changes = 0;
    int lastDirection = 0;
    for (double average : averages) {
      int before = s.desired;
      int after = s.afterSeconds(2).decide(average, average, 30, 0).desired();
      int direction = Integer.signum(after - before);
      if (direction != 0 && lastDirection != 0 && direction != lastDirection) {
        changes++;
      }
      if (direction != 0) {
        lastDirection = direction;
      }
    }
    return changes;
  }
}
