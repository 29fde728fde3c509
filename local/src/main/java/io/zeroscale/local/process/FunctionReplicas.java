package io.zeroscale.local.process;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/** What the orchestrator knows of one function; guarded by the orchestrator's lock. */
final class FunctionReplicas {

  final FunctionKey key;

  /** The applied function, null until {@code apply} (or after {@code delete}). */
  Function function;

  int desired;
  boolean deleted;
  final List<Replica> replicas = new ArrayList<>();
  List<Endpoint> published = List.of();

  int failuresInARow;
  String lastFailure;
  Instant lastFailureAt;
  Instant retryAt;
  ScheduledFuture<?> retry;

  FunctionReplicas(FunctionKey key, int desired) {
    this.key = key;
    this.desired = desired;
  }

  long count(ReplicaState state) {
    return replicas.stream().filter(r -> r.state == state).count();
  }

  StartFailure startFailure() {
    return lastFailure == null
        ? null
        : new StartFailure(lastFailure, failuresInARow, lastFailureAt, retryAt);
  }
}
