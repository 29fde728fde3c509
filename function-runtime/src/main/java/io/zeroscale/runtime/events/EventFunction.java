package io.zeroscale.runtime.events;

import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * A function that takes a CloudEvent and may answer with one. Make an implementation a CDI bean
 * ({@code @ApplicationScoped}) and function-runtime serves it at {@code zeroscale.events.path}
 * ({@code POST /} by default), in binary or structured content mode; the answer goes back in the
 * mode the event came in.
 *
 * <p>It runs on a worker thread, so it may block. An exception it throws is a {@code 500}; throw
 * {@link IllegalArgumentException} for an event it cannot take ({@code 400} with its message).
 */
@FunctionalInterface
public interface EventFunction {

  /**
   * Handles one event.
   *
   * @return the event to answer with, or empty for none ({@code 202 Accepted})
   */
  Optional<CloudEvent> handle(CloudEvent event) throws Exception;
}
