package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the platform decides that a replica can serve: an HTTP GET on {@code path} that gets any
 * answer below 500. Probed every few milliseconds while a replica starts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadinessSpec(String path) {

  public static final String DEFAULT_PATH = "/";

  public ReadinessSpec withDefaults() {
    return new ReadinessSpec(path == null ? DEFAULT_PATH : path);
  }
}
