package io.zeroscale.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * What the platform tells a function replica, under the {@code zeroscale} prefix. Each property can
 * be set from its environment variable ({@code zeroscale.container-concurrency} from {@code
 * ZEROSCALE_CONTAINER_CONCURRENCY}), which is how the platform passes it.
 */
@ConfigMapping(prefix = "zeroscale")
public interface RuntimeConfig {

  /**
   * Most requests this replica serves at once; more get {@code 503} with {@code Retry-After}. 0
   * (the default) means no limit. Paths under {@code /q/} (health, metrics) are never limited.
   */
  @WithDefault("0")
  int containerConcurrency();

  /**
   * This replica's id as the platform names it ({@code ZEROSCALE_REPLICA}); empty when the function
   * runs outside the platform.
   */
  Optional<String> replica();
}
