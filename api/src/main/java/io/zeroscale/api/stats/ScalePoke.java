package io.zeroscale.api.stats;

import io.zeroscale.api.function.FunctionKey;

/**
 * Tells the autoscaler at once that requests are waiting for a function, instead of letting them
 * wait for its next tick.
 */
@FunctionalInterface
public interface ScalePoke {

  ScalePoke NONE = (key, queued) -> {};

  /**
   * @param key the function requests wait for
   * @param queued how many requests wait now
   */
  void poke(FunctionKey key, int queued);
}
