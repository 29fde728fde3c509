package io.zeroscale.local.process;

import java.time.Duration;
import java.time.Instant;

/**
 * One replica as {@code zeroscale describe} shows it.
 *
 * @param id replica id (also the endpoint id and the log file name)
 * @param pid process id, null while the replica waits for a start slot
 * @param port port the replica listens on, 0 while it waits for a start slot
 * @param state where the replica is in its life
 * @param startedAt when its process was launched, null before
 * @param readyAt when it first answered its readiness probe, null before
 * @param timeToReady {@code readyAt - startedAt}, null before it is ready
 */
public record ReplicaInfo(
    String id,
    Long pid,
    int port,
    ReplicaState state,
    Instant startedAt,
    Instant readyAt,
    Duration timeToReady) {}
