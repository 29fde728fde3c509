package io.zeroscale.local.process;

import java.time.Instant;

/**
 * Why a function's replicas fail to start, for its status and {@code zeroscale describe}.
 *
 * @param reason what went wrong with the last failed start, and what to look at
 * @param failuresInARow failed starts (including crashes soon after becoming ready) since a replica
 *     last stayed ready for the stable uptime
 * @param at when the last start failed
 * @param retryAt when the next start is allowed (restart backoff)
 */
public record StartFailure(String reason, int failuresInARow, Instant at, Instant retryAt) {}
