package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ScalingSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reconcile decision alone: no processes, no lock, no clock. */
class ReconcilePlanTest {

  private static final FunctionKey KEY = new FunctionKey("test", "plan");
  private static final FunctionSpec V1 = spec("1");
  private static final FunctionSpec V2 = spec("2");
  private long sequence;

  private static FunctionSpec spec(String version) {
    return new FunctionSpec(
            null, List.of("run"), null, null, Map.of("VERSION", version), null, null, null)
        .withDefaults();
  }

  private Replica replica(FunctionSpec spec, ReplicaState state) {
    Replica r = new Replica("r" + sequence, KEY, spec, sequence++);
    r.state = state;
    return r;
  }

  @Test
  void startsTheMissingReplicas() {
    Replica ready = replica(V1, ReplicaState.READY);
    ReconcilePlan plan = ReconcilePlan.decide(List.of(ready), V1.workload(), 3, r -> 0);
    assertThat(plan.starts()).isEqualTo(2);
    assertThat(plan.stops()).isEmpty();
  }

  @Test
  void scalingDownStopsPendingThenStartingThenTheLeastLoadedReady() {
    Replica busy = replica(V1, ReplicaState.READY);
    Replica idle = replica(V1, ReplicaState.READY);
    Replica starting = replica(V1, ReplicaState.STARTING);
    Replica pending = replica(V1, ReplicaState.PENDING);
    ReconcilePlan plan =
        ReconcilePlan.decide(
            List.of(busy, idle, starting, pending), V1.workload(), 1, r -> r == busy ? 5 : 0);
    assertThat(plan.starts()).isZero();
    assertThat(plan.stops()).containsExactly(pending, starting, idle);
  }

  @Test
  void terminatingReplicasAreNeitherCountedNorStoppedAgain() {
    Replica leaving = replica(V1, ReplicaState.TERMINATING);
    ReconcilePlan plan = ReconcilePlan.decide(List.of(leaving), V1.workload(), 1, r -> 0);
    assertThat(plan.starts()).isEqualTo(1);
    assertThat(plan.stops()).isEmpty();
  }

  @Test
  void anOutdatedReadyReplicaKeepsServingUntilANewOneIsReady() {
    Replica old = replica(V1, ReplicaState.READY);
    Replica fresh = replica(V2, ReplicaState.STARTING);
    ReconcilePlan rolling = ReconcilePlan.decide(List.of(old, fresh), V2.workload(), 1, r -> 0);
    assertThat(rolling.starts()).isZero();
    assertThat(rolling.stops()).isEmpty();

    fresh.state = ReplicaState.READY;
    ReconcilePlan rolled = ReconcilePlan.decide(List.of(old, fresh), V2.workload(), 1, r -> 0);
    assertThat(rolled.stops()).containsExactly(old);
  }

  @Test
  void aScalingOrTimeoutChangeLeavesReplicasCurrent() {
    Replica ready = replica(V1, ReplicaState.READY);
    FunctionSpec retuned =
        new FunctionSpec(
                null,
                List.of("run"),
                null,
                null,
                Map.of("VERSION", "1"),
                "5s",
                null,
                new ScalingSpec(1, 3, 2, 4, "10s"))
            .withDefaults();
    ReconcilePlan plan = ReconcilePlan.decide(List.of(ready), retuned.workload(), 1, r -> 0);
    assertThat(plan.starts()).isZero();
    assertThat(plan.stops()).isEmpty();
  }

  @Test
  void anUnappliedFunctionStopsEverything() {
    Replica ready = replica(V1, ReplicaState.READY);
    Replica starting = replica(V1, ReplicaState.STARTING);
    ReconcilePlan plan = ReconcilePlan.decide(List.of(ready, starting), null, 0, r -> 0);
    assertThat(plan.starts()).isZero();
    assertThat(plan.stops()).containsExactlyInAnyOrder(ready, starting);
  }
}
