package io.zeroscale.kubernetes.crd;

import io.fabric8.generator.annotation.Pattern;

/**
 * The schema of {@link io.zeroscale.api.function.ReadinessSpec} in the CRD; see {@link
 * FunctionSpecSchema}.
 */
public class ReadinessSpecSchema {

  /** Path of the HTTP GET that tells a replica is ready (default /). */
  @Pattern("^/")
  public String path;
}
