package io.zeroscale.autoscaler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.api.stats.FunctionLoad;
import io.zeroscale.autoscaler.decider.DeciderState;
import io.zeroscale.autoscaler.decider.ScaleInputs;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.decider.ScalingPolicy;
import io.zeroscale.autoscaler.kafka.LagReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the loop hands the decider from the Kafka reading. */
class DecisionInputsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private final FunctionKey key = FunctionKey.of("default", "words");
  private final TrackedFunction tracked =
      new TrackedFunction(
          Function.of(
              ObjectMeta.of("default", "words"),
              new FunctionSpec(null, List.of("true"), null, null, null, null, null, null)),
          DeciderState.firstSeen(NOW),
          new ScalerMetrics(new SimpleMeterRegistry(), key, 1),
          NOW);
  private final ScalingPolicy policy = ScalingPolicy.resolve(null, ScalingDefaults.defaults());
  private final Orchestrator.Scale one = new Orchestrator.Scale(1, 1);

  @Test
  void passesTheLagAndThePartitions() {
    ScaleInputs in = inputs(new LagReading(420, 6, 0, NOW));
    assertThat(in.lag()).isEqualTo(420);
    assertThat(in.partitions()).isEqualTo(6);
  }

  @Test
  void recordsCommittedSinceTheLastDecisionCountAsActivityLikeRequests() {
    assertThat(inputs(new LagReading(0, 6, 100, NOW)).active()).as("100 committed").isTrue();
    assertThat(inputs(new LagReading(0, 6, 100, NOW)).active()).as("nothing new").isFalse();
    assertThat(inputs(new LagReading(0, 6, 101, NOW)).active()).as("one more").isTrue();
    assertThat(inputs(new LagReading(0, 6, 0, NOW)).active()).as("trigger changed").isFalse();
    assertThat(inputs(new LagReading(0, 6, 7, NOW)).active()).as("7 since the change").isTrue();
  }

  private ScaleInputs inputs(LagReading reading) {
    return DecisionInputs.of(tracked, policy, one, FunctionLoad.idle(key), reading, NOW);
  }
}
