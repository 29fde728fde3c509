package io.zeroscale.local.process;

/** Where a local replica is in its life. */
public enum ReplicaState {
  /** Wanted, waiting for a start slot (starts per host are bounded). */
  PENDING,
  /** Process launched (or being launched), not yet answering its readiness probe. */
  STARTING,
  /** Answered its readiness probe: takes requests. */
  READY,
  /** Being drained and stopped. */
  TERMINATING
}
