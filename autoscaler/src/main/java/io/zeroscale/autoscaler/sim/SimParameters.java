package io.zeroscale.autoscaler.sim;

import io.zeroscale.api.function.DurationText;
import io.zeroscale.api.function.ScalingSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The model a trace is replayed against, read from the trace's {@code # key=value} header lines
 * (every key optional).
 *
 * @param serviceTime how long one request takes on a replica ({@code serviceTime}, 200ms)
 * @param coldStart how long a replica takes to start when it starts alone ({@code coldStart}, 2s)
 * @param startContention added to a replica's start for each other replica starting at the same
 *     time, since starts compete for CPU ({@code startContention}, 400ms; ARCHITECTURE measured
 *     0.75 s alone, 1.9 s four at once, 4.6 s ten at once)
 * @param capacity concurrent requests one replica serves; the rest wait in the activator ({@code
 *     capacity}, 10); also the function's {@code containerConcurrency}
 * @param queueCapacity requests the activator holds; more are dropped ({@code queueCapacity}, 5000)
 * @param maxWait longest a request waits in the queue before it is dropped ({@code maxWait}, 60s)
 * @param spec the function's scaling spec ({@code target} 10, {@code maxScale} 50, {@code grace}
 *     30s, {@code minScale} 0), the same for both deciders
 */
public record SimParameters(
    Duration serviceTime,
    Duration coldStart,
    Duration startContention,
    int capacity,
    int queueCapacity,
    Duration maxWait,
    ScalingSpec spec) {

  private static final Set<String> KEYS =
      Set.of(
          "serviceTime",
          "coldStart",
          "startContention",
          "capacity",
          "queueCapacity",
          "maxWait",
          "target",
          "minScale",
          "maxScale",
          "grace");

  static SimParameters from(Map<String, String> header) {
    for (String key : header.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown trace parameter '" + key + "'; known: " + KEYS);
      }
    }
    int capacity = Integer.parseInt(header.getOrDefault("capacity", "10"));
    ScalingSpec spec =
        new ScalingSpec(
            Integer.parseInt(header.getOrDefault("minScale", "0")),
            Integer.parseInt(header.getOrDefault("maxScale", "50")),
            Integer.parseInt(header.getOrDefault("target", "10")),
            capacity,
            header.getOrDefault("grace", "30s"));
    return new SimParameters(
        duration(header, "serviceTime", "200ms"),
        duration(header, "coldStart", "2s"),
        duration(header, "startContention", "400ms"),
        capacity,
        Integer.parseInt(header.getOrDefault("queueCapacity", "5000")),
        duration(header, "maxWait", "60s"),
        spec);
  }

  private static Duration duration(Map<String, String> header, String key, String fallback) {
    return DurationText.parse(header.getOrDefault(key, fallback));
  }
}
