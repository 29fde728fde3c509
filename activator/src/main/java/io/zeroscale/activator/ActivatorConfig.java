package io.zeroscale.activator;

import java.time.Duration;

/**
 * Everything the activator can be told, with defaults from {@link #defaults()}.
 *
 * @param queueCapacity requests one function may have waiting; more get 503 (default 5000)
 * @param maxWait longest a request waits for a replica (default 60s). A function's own {@code
 *     spec.timeout} bounds it too when shorter: a client that allowed 5s for an answer should not
 *     wait 60s in a queue. The response timeout starts afresh once the request is forwarded.
 * @param retryAfterSeconds value of {@code Retry-After} on 503 answers (default 1)
 * @param pokeInterval while a function has no ready replica and its queue grows, the autoscaler is
 *     poked at most this often (default 100ms); the first queued request always pokes at once
 * @param sweepInterval how often waits are checked for their timeout and queues retried after a
 *     replica refused connections (default 50ms); the precision of the wait timeout
 * @param probeInterval while requests wait, each starting replica is probed on its readiness path
 *     this often and used as soon as it answers, before the backend reports it ready (default 25ms;
 *     zero turns probing off and leaves readiness to the backend)
 */
public record ActivatorConfig(
    int queueCapacity,
    Duration maxWait,
    int retryAfterSeconds,
    Duration pokeInterval,
    Duration sweepInterval,
    Duration probeInterval) {

  public static final int DEFAULT_QUEUE_CAPACITY = 5000;
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
  public static final Duration DEFAULT_POKE_INTERVAL = Duration.ofMillis(100);
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMillis(50);
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMillis(25);

  public static ActivatorConfig defaults() {
    return new ActivatorConfig(
        DEFAULT_QUEUE_CAPACITY,
        DEFAULT_MAX_WAIT,
        DEFAULT_RETRY_AFTER_SECONDS,
        DEFAULT_POKE_INTERVAL,
        DEFAULT_SWEEP_INTERVAL,
        DEFAULT_PROBE_INTERVAL);
  }

  public ActivatorConfig withQueueCapacity(int value) {
    return new ActivatorConfig(
        value, maxWait, retryAfterSeconds, pokeInterval, sweepInterval, probeInterval);
  }

  public ActivatorConfig withMaxWait(Duration value) {
    return new ActivatorConfig(
        queueCapacity, value, retryAfterSeconds, pokeInterval, sweepInterval, probeInterval);
  }

  public ActivatorConfig withProbeInterval(Duration value) {
    return new ActivatorConfig(
        queueCapacity, maxWait, retryAfterSeconds, pokeInterval, sweepInterval, value);
  }
}
