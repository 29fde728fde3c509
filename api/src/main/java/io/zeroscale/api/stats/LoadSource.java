package io.zeroscale.api.stats;

import io.zeroscale.api.function.FunctionKey;
import java.util.Map;

/** Something that measures load on functions: the router and the activator. */
@FunctionalInterface
public interface LoadSource {

  /**
   * Returns the load seen per function since the previous call and starts a new window. Functions
   * without any load may be left out.
   */
  Map<FunctionKey, FunctionLoad> collect();
}
