package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.spi.Endpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * One replica's mutable record. Every field but the final ones and the volatile flags is guarded by
 * the orchestrator's lock.
 */
final class Replica {

  final String id;
  final FunctionKey key;
  final FunctionSpec spec;

  /** Order of creation: among starts of equal priority, the older one goes first. */
  final long sequence;

  ReplicaState state = ReplicaState.PENDING;
  int port;
  Process process;
  Instant startedAt;
  Instant readyAt;

  /** Holds one of the host's start slots (from dispatch until ready, failed or stopped). */
  boolean holdsSlot;

  /** Set when the start failed for a reason already counted (e.g. start timeout). */
  String failure;

  volatile boolean stopRequested;

  Replica(String id, FunctionKey key, FunctionSpec spec, long sequence) {
    this.id = id;
    this.key = key;
    this.spec = spec;
    this.sequence = sequence;
  }

  boolean launched() {
    return process != null;
  }

  Endpoint toEndpoint(String host) {
    Endpoint.State endpointState =
        switch (state) {
          case READY -> Endpoint.State.READY;
          case TERMINATING -> Endpoint.State.TERMINATING;
          default -> Endpoint.State.STARTING;
        };
    return new Endpoint(id, host, port, endpointState);
  }

  ReplicaInfo toInfo() {
    return new ReplicaInfo(
        id,
        process == null ? null : process.pid(),
        port,
        state,
        startedAt,
        readyAt,
        startedAt != null && readyAt != null ? Duration.between(startedAt, readyAt) : null);
  }
}
