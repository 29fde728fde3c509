package io.zeroscale.autoscaler.decider;

import static io.zeroscale.autoscaler.decider.Scenario.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ScalingSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kafka consumer lag as a demand signal of {@link ConcurrencyDecider}, one rule per row. */
class LagDeciderTest {

  private static final ConcurrencyDecider DECIDER = new ConcurrencyDecider();

  /** Lag threshold 100, activation 0, partition cap on, maxScale 20, grace 30 s. */
  private static Scenario kafka() {
    return new Scenario(DECIDER, spec(0, 20, 10)).lagPolicy(100, 0, false);
  }

  static Stream<Arguments> singleDecisions() {
    return Stream.of(
        // name, desired, activation, allowIdle, lag, partitions, inFlight, expected
        Arguments.of("wakes from zero on lag above activation 0", 0, 0, false, 1L, 6, 0, 1),
        Arguments.of("wake is sized by the lag", 0, 0, false, 350L, 6, 0, 4),
        Arguments.of("no wake at the activation threshold", 0, 50, false, 50L, 6, 0, 0),
        Arguments.of("no wake below the activation threshold", 0, 50, false, 20L, 6, 0, 0),
        Arguments.of("wake above the activation threshold", 0, 50, false, 51L, 6, 0, 1),
        Arguments.of("no lag, no wake", 0, 0, false, 0L, 6, 0, 0),
        Arguments.of("scales with the lag", 2, 0, false, 450L, 6, 0, 5),
        Arguments.of("capped at the partitions", 2, 0, false, 10_000L, 6, 0, 6),
        Arguments.of("cap lifted: allowIdleConsumers", 2, 0, true, 1_000L, 6, 0, 10),
        Arguments.of("cap lifted still ends at maxScale", 2, 0, true, 10_000L, 6, 0, 20),
        Arguments.of("unknown partitions: no cap", 2, 0, false, 1_000L, 0, 0, 10),
        Arguments.of("running, lag at activation still counts", 1, 50, false, 30L, 6, 0, 1),
        Arguments.of("concurrency (50 / 7 = 8) larger than lag wins", 2, 0, false, 100L, 6, 50, 8),
        Arguments.of("lag larger than concurrency wins", 2, 0, false, 500L, 6, 10, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleDecisions")
  void decidesFromLag(
      String name,
      int desired,
      int activation,
      boolean allowIdle,
      long lag,
      int partitions,
      int inFlight,
      int expected) {
    Scenario s =
        new Scenario(DECIDER, spec(0, 20, 10))
            .lagPolicy(100, activation, allowIdle)
            .at(desired, desired)
            .lag(lag, partitions);
    Decision d = s.decide(inFlight, inFlight, inFlight, 0);
    assertThat(d.desired()).as(d.reason()).isEqualTo(expected);
  }

  @Test
  void reasonNamesTheLagThePartitionsAndWhatTheLagWants() {
    Decision d = kafka().at(0, 0).lag(10_000, 6).idle();
    assertThat(d.reason()).contains("lag=10000 partitions=6").contains("backlog=0 lag=6]");
    assertThat(d.desired()).isEqualTo(6);
  }

  @Test
  void aFunctionWithoutKafkaKeepsItsReasonUnchanged() {
    Decision d = new Scenario(DECIDER, spec(0, 20, 10)).at(1, 1).lag(500, 6).steady(5);
    assertThat(d.reason()).doesNotContain("lag");
    assertThat(d.desired()).as("lag without a Kafka trigger counts for nothing").isEqualTo(1);
  }

  @Test
  void staysUpWhileLagRemainsWithoutAnyRequest() {
    Scenario s = kafka().at(0, 0).lag(300, 6);
    assertThat(s.idle().desired()).isEqualTo(3);
    s.lag(40, 6);
    for (int i = 0; i < 180; i++) {
      s.afterSeconds(2).idle(); // six minutes, twelve grace periods, no HTTP request at all
    }
    assertThat(s.last.desired()).as("past the 5 min hold: " + s.last.reason()).isEqualTo(1);
  }

  @Test
  void returnsToZeroOnlyAfterTheGracePeriodOnceTheLagIsZero() {
    Scenario s = kafka().at(0, 0).lag(250, 6);
    assertThat(s.idle().desired()).isEqualTo(3);
    s.lag(0, 6);
    Decision drained = s.afterSeconds(2).idle();
    assertThat(drained.desired()).as("held: " + drained.reason()).isEqualTo(3);
    Decision within = s.afterSeconds(27).idle();
    assertThat(within.desired()).as("29 s idle < 30 s grace").isEqualTo(3);
    Decision after = s.afterSeconds(2).idle();
    assertThat(after.desired()).as(after.reason()).isZero();
    assertThat(after.reason()).contains("lag=0");
  }

  @Test
  void lagAtOrBelowActivationDoesNotKeepAFunctionAtZeroAwakeOrWakeIt() {
    Scenario s = kafka().lagPolicy(100, 50, false).at(0, 0).lag(50, 6);
    for (int i = 0; i < 20; i++) {
      assertThat(s.afterSeconds(2).idle().desired()).isZero();
    }
    assertThat(s.lag(51, 6).afterSeconds(2).idle().desired()).isEqualTo(1);
  }

  @Test
  void lagDoesNotEnterPanic() {
    Scenario s = kafka().at(1, 1).lag(600, 6);
    Decision d = s.idle();
    assertThat(d.desired()).isEqualTo(6);
    assertThat(d.mode()).as("6x the ready replicas from lag alone").isEqualTo(Mode.STABLE);
  }

  @Test
  void scaleUpRateBoundsTheLagStepFromOneReadyReplica() {
    ScalingSpec paced =
        new ScalingSpec(0, 20, 10, 0, "30s", null, null, null, null, 2.0, null, null, null, null);
    Scenario s = new Scenario(DECIDER, paced).lagPolicy(100, 0, false).at(0, 0).lag(10_000, 6);
    assertThat(s.idle().desired()).as("from zero: 2 x max(1, ready 0)").isEqualTo(2);
    assertThat(s.afterSeconds(2).idle().desired()).as("2 x 2 ready").isEqualTo(4);
    assertThat(s.afterSeconds(2).idle().desired()).as("capped at 6 partitions").isEqualTo(6);
  }

  @Test
  void aLowerLagCountAppliesAfterTheScaleDownHoldThenStepsDownAtTheRate() {
    Scenario s = kafka().at(0, 0).lag(600, 6);
    assertThat(s.idle().desired()).isEqualTo(6);
    s.lag(150, 6); // asks for 2
    for (int second = 2; second <= 300; second += 2) {
      Decision d = s.afterSeconds(2).idle();
      assertThat(d.desired()).as("at %d s: %s", second, d.reason()).isEqualTo(6);
    }
    assertThat(s.last.reason()).contains("lag=2 (held 6)");
    Decision after = s.afterSeconds(2).idle();
    assertThat(after.desired()).as("6 / maxScaleDownRate 2: " + after.reason()).isEqualTo(3);
    assertThat(s.afterSeconds(2).idle().desired()).isEqualTo(2);
  }

  @Test
  void theScaleDownHoldIsAKnob() {
    Scenario s =
        new Scenario(DECIDER, spec(0, 20, 10))
            .withLag(new LagPolicy(true, 100, 0, false, java.time.Duration.ofSeconds(10)))
            .at(0, 0)
            .lag(600, 6);
    assertThat(s.idle().desired()).isEqualTo(6);
    s.lag(150, 6);
    assertThat(s.afterSeconds(10).idle().desired()).as("10 s: still held").isEqualTo(6);
    assertThat(s.afterSeconds(2).idle().desired()).as("past 10 s: 6 / 2").isEqualTo(3);
  }

  @Test
  void aHigherLagCountAppliesAtOnce() {
    Scenario s = kafka().at(0, 0).lag(150, 6);
    assertThat(s.idle().desired()).isEqualTo(2);
    assertThat(s.lag(450, 6).afterSeconds(2).idle().desired()).isEqualTo(5);
  }

  @Test
  void policyComesFromTheTriggerWithItsDefaults() {
    KafkaTriggerSpec trigger =
        new KafkaTriggerSpec("127.0.0.1:9092", List.of("words"), null, null, 5, null, null, null);
    LagPolicy p = LagPolicy.of(trigger, FunctionKey.of("default", "words"));
    assertThat(p).isEqualTo(new LagPolicy(true, 100, 5, false));
    assertThat(LagPolicy.of(null, FunctionKey.of("default", "x"))).isEqualTo(LagPolicy.NONE);
  }
}
