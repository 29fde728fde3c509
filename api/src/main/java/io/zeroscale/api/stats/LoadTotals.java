package io.zeroscale.api.stats;

import io.zeroscale.api.function.FunctionKey;

/**
 * What one data-path instance has counted on one function since it started routing it: running
 * totals, so that reading them changes nothing and two readers (an old and a new leader, a curious
 * operator) cannot take each other's windows, and a missed read loses nothing.
 *
 * @param key the function
 * @param requests requests that arrived
 * @param concurrencySeconds the integral of requests in flight (proxied and queued) over time
 * @param inFlight requests being proxied to replicas now
 * @param queued requests waiting in the activator now
 */
public record LoadTotals(
    FunctionKey key, long requests, double concurrencySeconds, int inFlight, int queued) {

  /** True when the totals cannot follow {@code earlier}: the counting started again. */
  boolean restartedSince(LoadTotals earlier) {
    return requests < earlier.requests || concurrencySeconds < earlier.concurrencySeconds;
  }
}
