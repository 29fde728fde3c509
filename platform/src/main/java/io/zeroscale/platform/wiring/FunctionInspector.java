package io.zeroscale.platform.wiring;

import io.zeroscale.api.function.FunctionKey;
import java.util.List;
import java.util.Optional;

/**
 * What an operator can look at beyond the SPI: each replica and its logs. Backend-specific, so it
 * stays out of {@code api}; the local backend fills it from its processes and log files. On the
 * Kubernetes backend the cluster shows them (kubectl): {@link #unavailable} says where.
 */
public interface FunctionInspector {

  List<ReplicaView> replicas(FunctionKey key);

  /** Why this backend shows no replicas or logs, with where to look instead; empty if it does. */
  default Optional<String> unavailable(FunctionKey key) {
    return Optional.empty();
  }

  /** The last {@code tail} lines of the function's logs, oldest first. */
  List<String> logs(FunctionKey key, int tail);

  /**
   * One replica as {@code zeroscale describe} shows it.
   *
   * @param startupMillis process start to first successful readiness probe, null while starting
   */
  record ReplicaView(
      String id, String state, Long pid, String address, String startedAt, Long startupMillis) {}
}
