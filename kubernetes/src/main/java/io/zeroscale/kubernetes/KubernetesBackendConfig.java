package io.zeroscale.kubernetes;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Kubernetes backend can be tuned with, in one place.
 *
 * @param namespace the one namespace whose functions this backend serves, or empty for every
 *     namespace the service account may read (default: empty)
 * @param routerUrl base URL users reach the router at; a function's {@code status.url} is {@code
 *     routerUrl/fn/<namespace>/<name>/} (default {@code http://zeroscale-router})
 * @param preStopSleep how long a stopping pod keeps serving after it turned {@code terminating}, so
 *     that every router sees the EndpointSlice change before SIGTERM (default 5 s)
 * @param shutdownMargin time a function gets after its last request to exit on SIGTERM; added to
 *     the function's timeout and the pre-stop sleep to make {@code terminationGracePeriodSeconds}
 *     (default 5 s)
 * @param readinessPeriod how often the kubelet probes a pod's readiness (default 1 s, Kubernetes'
 *     smallest; the activator probes starting pods itself, much more often)
 * @param retryBackoff pause before a failed reconcile of a function is retried; doubles with each
 *     failure in a row (default 1 s)
 * @param maxRetryBackoff cap of that doubling pause (default 60 s)
 * @param triggerResync how often the controller compares the {@code TriggerReady} condition of
 *     Kafka-triggered functions with their trigger's state, which changes without any Kubernetes
 *     event; a function is reconciled (and its status written) only when the condition changed.
 *     Bounds how long a fixed topic or broker takes to show on the status (default 5 s)
 */
public record KubernetesBackendConfig(
    Optional<String> namespace,
    String routerUrl,
    Duration preStopSleep,
    Duration shutdownMargin,
    Duration readinessPeriod,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration triggerResync) {

  /** The default trigger resync: 5 s. */
  public static final Duration DEFAULT_TRIGGER_RESYNC = Duration.ofSeconds(5);

  public KubernetesBackendConfig {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(routerUrl, "routerUrl");
    Objects.requireNonNull(triggerResync, "triggerResync");
    if (triggerResync.isNegative() || triggerResync.isZero()) {
      throw new IllegalArgumentException("triggerResync must be positive, was " + triggerResync);
    }
    if (readinessPeriod.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "readinessPeriod must be at least 1s (Kubernetes' smallest probe period), was "
              + readinessPeriod);
    }
  }

  /** The defaults listed above, for every namespace. */
  public static KubernetesBackendConfig defaults() {
    return new KubernetesBackendConfig(
        Optional.empty(),
        "http://zeroscale-router",
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        DEFAULT_TRIGGER_RESYNC);
  }

  public KubernetesBackendConfig withNamespace(String value) {
    return new KubernetesBackendConfig(
        Optional.ofNullable(value),
        routerUrl,
        preStopSleep,
        shutdownMargin,
        readinessPeriod,
        retryBackoff,
        maxRetryBackoff,
        triggerResync);
  }

  public KubernetesBackendConfig withRouterUrl(String value) {
    return new KubernetesBackendConfig(
        namespace,
        value,
        preStopSleep,
        shutdownMargin,
        readinessPeriod,
        retryBackoff,
        maxRetryBackoff,
        triggerResync);
  }

  public KubernetesBackendConfig withTriggerResync(Duration value) {
    return new KubernetesBackendConfig(
        namespace,
        routerUrl,
        preStopSleep,
        shutdownMargin,
        readinessPeriod,
        retryBackoff,
        maxRetryBackoff,
        value);
  }
}
