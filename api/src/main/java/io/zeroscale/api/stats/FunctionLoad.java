package io.zeroscale.api.stats;

import io.zeroscale.api.function.FunctionKey;

/**
 * The load one data-path instance saw on one function over a window.
 *
 * @param key the function
 * @param averageConcurrency time-weighted average of requests in flight (proxied and queued) over
 *     the window
 * @param inFlight requests being proxied to replicas at the end of the window
 * @param queued requests waiting in the activator at the end of the window
 * @param requests requests that arrived during the window
 */
public record FunctionLoad(
    FunctionKey key, double averageConcurrency, int inFlight, int queued, long requests) {

  public static FunctionLoad idle(FunctionKey key) {
    return new FunctionLoad(key, 0, 0, 0, 0);
  }

  /** True when anything was seen: the function is not idle. */
  public boolean active() {
    return averageConcurrency > 0 || inFlight > 0 || queued > 0 || requests > 0;
  }

  /** Sums the load two instances saw on the same function over the same window. */
  public FunctionLoad plus(FunctionLoad other) {
    return new FunctionLoad(
        key,
        averageConcurrency + other.averageConcurrency,
        inFlight + other.inFlight,
        queued + other.queued,
        requests + other.requests);
  }
}
