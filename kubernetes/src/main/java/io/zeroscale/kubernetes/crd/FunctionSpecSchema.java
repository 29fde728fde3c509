package io.zeroscale.kubernetes.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * The schema of {@link io.zeroscale.api.function.FunctionSpec} in the CRD: same fields, plus the
 * constraints of {@link io.zeroscale.api.function.FunctionValidator} that OpenAPI or CEL can
 * express. Only the CRD generator reads it; {@code SchemaTwinTest} fails when a field is added to
 * the record and not here.
 */
@ValidationRule(
    value = "has(self.image) || (has(self.command) && size(self.command) > 0)",
    message = "needs spec.image (Kubernetes backend) or spec.command (local backend), or both")
public class FunctionSpecSchema {

  /** Container image, used by the Kubernetes backend. */
  public String image;

  /** Process to start, used by the local backend; it must serve HTTP on $PORT. */
  public List<String> command;

  /** Directory the local backend starts the command in. */
  public String workingDir;

  /** Port the function listens on inside its container (default 8080). */
  @Min(1)
  @Max(65535)
  public Integer port;

  /** Environment variables given to every replica; PORT is set by the platform. */
  @ValidationRule(
      value = "self.all(k, k.matches('^[A-Za-z_][A-Za-z0-9_]*$') && k != 'PORT')",
      message =
          "spec.env names must be letters, digits or '_', not starting with a digit, and not PORT"
              + " (set by the platform; use spec.port)")
  public Map<String, String> env;

  /** Longest a request may take (500ms, 30s, 2m, 1h or ISO-8601; default 30s). */
  @Pattern(DurationPatterns.POSITIVE)
  public String timeout;

  /** How the platform decides that a replica can serve. */
  public ReadinessSpecSchema readiness;

  /** How the function scales. */
  public ScalingSpecSchema scaling;

  /** What wakes the function besides HTTP (Kafka records). */
  public TriggersSpecSchema triggers;
}
