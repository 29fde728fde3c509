package io.zeroscale.kubernetes.crd;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a function must satisfy to run on Kubernetes: every rule of {@link FunctionValidator}, plus
 * a container image ({@code spec.command} alone serves the local backend only).
 */
public final class KubernetesFunctionRules {

  private KubernetesFunctionRules() {}

  /** Every problem found; empty when the function can run here. */
  public static List<FieldError> check(Function function) {
    List<FieldError> errors = new ArrayList<>(FunctionValidator.validate(function));
    if (function != null
        && function.spec() != null
        && (function.spec().image() == null || function.spec().image().isBlank())) {
      errors.add(
          new FieldError(
              "spec.image", "is required on the Kubernetes backend (a container image)"));
    }
    return List.copyOf(errors);
  }
}
