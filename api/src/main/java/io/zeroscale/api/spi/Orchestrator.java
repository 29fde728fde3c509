package io.zeroscale.api.spi;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;

/**
 * Runs a function's replicas: processes on the local backend, a Deployment on Kubernetes. Calls may
 * block (process start-up, API calls): never call them from an event loop.
 */
public interface Orchestrator {

  /**
   * Creates or updates what runs the function (without touching its replica count, which only
   * {@link #scale} sets). A changed spec rolls the replicas.
   */
  void apply(Function function);

  /** Sets the desired replica count; returns at once, replicas start or stop in the background. */
  void scale(FunctionKey key, int replicas);

  /** Stops every replica and forgets the function. */
  void delete(FunctionKey key);

  /** Desired and ready replicas now. */
  Scale currentScale(FunctionKey key);

  /** Desired and ready replicas of one function. */
  record Scale(int desired, int ready) {
    public static final Scale NONE = new Scale(0, 0);
  }
}
