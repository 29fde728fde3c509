package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import java.time.Duration;

/**
 * Hears how long each replica took from process start to its first successful readiness probe: the
 * backend's share of a cold start. Called on an orchestrator thread; must not block.
 */
@FunctionalInterface
public interface ReplicaStartupListener {

  void onReady(FunctionKey key, String replicaId, Duration timeToReady);
}
