package io.zeroscale.platform.wiring;

import io.zeroscale.api.function.FunctionKey;
import java.util.List;

/**
 * What an operator can look at beyond the SPI: each replica and its logs. Backend-specific, so it
 * stays out of {@code api}; the local backend fills it from its processes and log files.
 */
public interface FunctionInspector {

  List<ReplicaView> replicas(FunctionKey key);

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
