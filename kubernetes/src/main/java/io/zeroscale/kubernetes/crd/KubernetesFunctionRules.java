package io.zeroscale.kubernetes.crd;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function must satisfy to run on Kubernetes: every rule of {@link FunctionValidator} (which
 * also refuses {@code spec.env} entries named like a variable the platform sets, and bounds the
 * Kafka topics as the CRD does), plus a container image: {@code spec.command} alone serves the
 * local backend only.
 */
public final class KubernetesFunctionRules {

  private KubernetesFunctionRules() {}

  /** Every problem found; empty when the function can run here. */
  public static List<FieldError> check(Function function) {
    List<FieldError> errors = new ArrayList<>(FunctionValidator.validate(function));
    FunctionSpec spec = function == null ? null : function.spec();
    if (spec != null && (spec.image() == null || spec.image().isBlank())) {
      errors.add(
          new FieldError(
              "spec.image", "is required on the Kubernetes backend (a container image)"));
    }
    return List.copyOf(errors);
  }
}
