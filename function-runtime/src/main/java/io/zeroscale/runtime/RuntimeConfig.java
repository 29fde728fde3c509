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
   * The function's {@code namespace/name} ({@code ZEROSCALE_FUNCTION}), which tags its metrics;
   * {@code default/local} when the function runs outside the platform.
   */
  @WithDefault("default/local")
  String function();

  /**
   * This replica's id as the platform names it ({@code ZEROSCALE_REPLICA}); empty when the function
   * runs outside the platform.
   */
  Optional<String> replica();

  /**
   * The readiness path: {@code 200} while the replica can serve, {@code 503} once it drains. Set
   * {@code spec.readiness.path} of the Function to it. Default {@code /q/ready}.
   */
  @WithDefault("/q/ready")
  String readinessPath();

  /** Where CloudEvents are received. */
  Events events();

  /** CloudEvents over HTTP, served when the application has an {@code EventFunction} bean. */
  interface Events {

    /** Path that takes {@code POST}ed events, binary or structured. Default {@code /}. */
    @WithDefault("/")
    String path();

    /** Largest event body accepted; larger gets {@code 413}. Default 10 MiB. */
    @WithDefault("10485760")
    long maxBodyBytes();
  }
}
