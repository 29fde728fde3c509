package io.zeroscale.autoscaler.sim.lag;

import io.zeroscale.api.function.DurationText;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The consumer group a lag trace is replayed against, from the trace's {@code # key=value} header
 * (every key optional).
 *
 * @param partitions partitions of the topic ({@code partitions}, 6)
 * @param recordsPerReplica records one replica handles per second ({@code recordsPerReplica}, 500)
 * @param coldStart from asking for a replica to its first poll ({@code coldStart}, 2s)
 * @param rebalance how long every consumer stops when the group's members change ({@code
 *     rebalance}, 3s)
 * @param lagThreshold records per replica, the same for both scalers ({@code lagThreshold}, 100)
 * @param maxScale most replicas ({@code maxScale}, 20)
 * @param grace zeroscale's scale-to-zero grace period ({@code grace}, 30s)
 */
public record LagModel(
    int partitions,
    double recordsPerReplica,
    Duration coldStart,
    Duration rebalance,
    int lagThreshold,
    int maxScale,
    Duration grace) {

  private static final Set<String> KEYS =
      Set.of(
          "partitions",
          "recordsPerReplica",
          "coldStart",
          "rebalance",
          "lagThreshold",
          "maxScale",
          "grace");

  static LagModel from(Map<String, String> header) {
    for (String key : header.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown lag trace parameter '" + key + "'; known: " + KEYS);
      }
    }
    return new LagModel(
        Integer.parseInt(header.getOrDefault("partitions", "6")),
        Double.parseDouble(header.getOrDefault("recordsPerReplica", "500")),
        DurationText.parse(header.getOrDefault("coldStart", "2s")),
        DurationText.parse(header.getOrDefault("rebalance", "3s")),
        Integer.parseInt(header.getOrDefault("lagThreshold", "100")),
        Integer.parseInt(header.getOrDefault("maxScale", "20")),
        DurationText.parse(header.getOrDefault("grace", "30s")));
  }

  double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
