package io.zeroscale.runtime.metrics;

import io.micrometer.core.instrument.Tags;

/** The {@code namespace} and {@code function} tags of a function's meters, like the platform's. */
public final class FunctionTags {

  private FunctionTags() {}

  /**
   * From {@code namespace/name} ({@code zeroscale.function}); a bare name is in {@code default}.
   */
  public static Tags of(String function) {
    int slash = function.indexOf('/');
    return slash < 0
        ? Tags.of("namespace", "default", "function", function)
        : Tags.of(
            "namespace", function.substring(0, slash), "function", function.substring(slash + 1));
  }
}
