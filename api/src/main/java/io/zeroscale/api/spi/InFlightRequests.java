package io.zeroscale.api.spi;

import io.zeroscale.api.function.FunctionKey;

/**
 * How many requests the data path has in flight on one replica. A backend that stops a replica
 * waits for this to reach zero (after marking the replica terminating) before it sends SIGTERM, so
 * scale-down never cuts a request short.
 */
@FunctionalInterface
public interface InFlightRequests {

  /** Nothing is ever in flight: for backends used without a data path. */
  InFlightRequests NONE = (key, endpointId) -> 0;

  int count(FunctionKey key, String endpointId);
}
