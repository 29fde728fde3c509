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
 */
public record KubernetesBackendConfig(
    Optional<String> namespace,
    String routerUrl,
    Duration preStopSleep,
    Duration shutdownMargin,
    Duration readinessPeriod,
    Duration retryBackoff,
    Duration maxRetryBackoff) {

  public KubernetesBackendConfig {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(routerUrl, "routerUrl");
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
        Duration.ofSeconds(60));
  }

  public KubernetesBackendConfig withNamespace(String value) {
    return new KubernetesBackendConfig(
        Optional.ofNullable(value),
        routerUrl,
        preStopSleep,
        shutdownMargin,
        readinessPeriod,
        retryBackoff,
        maxRetryBackoff);
  }

  public KubernetesBackendConfig withRouterUrl(String value) {
    return new KubernetesBackendConfig(
        namespace,
        value,
        preStopSleep,
        shutdownMargin,
        readinessPeriod,
        retryBackoff,
        maxRetryBackoff);
  }
}
