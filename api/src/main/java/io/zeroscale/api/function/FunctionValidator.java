package io.zeroscale.api.function;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a function against every rule at once and reports each problem with its field path, so a
 * user fixes a spec in one round trip instead of one error at a time.
 */
public final class FunctionValidator {

  /**
   * DNS-1123 label: names appear in host names ({@code name.namespace.domain}) and in Kubernetes.
   */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private FunctionValidator() {}

  /** Returns every problem found; an empty list means the function is valid. */
  public static List<FieldError> validate(Function function) {
    List<FieldError> errors = new ArrayList<>();
    if (function == null) {
      errors.add(new FieldError("(root)", "a Function object is required"));
      return errors;
    }
    if (function.apiVersion() != null && !Function.API_VERSION.equals(function.apiVersion())) {
      errors.add(new FieldError("apiVersion", "must be " + Function.API_VERSION));
    }
    if (function.kind() != null && !Function.KIND.equals(function.kind())) {
      errors.add(new FieldError("kind", "must be " + Function.KIND));
    }
    validateMetadata(function.metadata(), errors);
    validateSpec(function.spec(), errors);
    return errors;
  }

  /** Throws when the function is invalid. */
  public static void requireValid(Function function) {
    List<FieldError> errors = validate(function);
    if (!errors.isEmpty()) {
      throw new InvalidFunctionException(errors);
    }
  }

  private static void validateMetadata(ObjectMeta meta, List<FieldError> errors) {
    if (meta == null) {
      errors.add(new FieldError("metadata", "is required (metadata.name at least)"));
      return;
    }
    dnsLabel("metadata.name", meta.name(), true, errors);
    dnsLabel("metadata.namespace", meta.namespace(), false, errors);
  }

  private static void dnsLabel(
      String field, String value, boolean required, List<FieldError> errors) {
    if (value == null || value.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return;
    }
    if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      errors.add(
          new FieldError(
              field,
              "'"
                  + value
                  + "' must be at most 63 lower-case letters, digits or '-', starting and ending"
                  + " with a letter or digit"));
    }
  }

  private static void validateSpec(FunctionSpec spec, List<FieldError> errors) {
    if (spec == null) {
      errors.add(new FieldError("spec", "is required (spec.image or spec.command at least)"));
      return;
    }
    boolean hasImage = spec.image() != null && !spec.image().isBlank();
    boolean hasCommand = spec.command() != null && !spec.command().isEmpty();
    if (!hasImage && !hasCommand) {
      errors.add(
          new FieldError(
              "spec",
              "needs spec.image (Kubernetes backend) or spec.command (local backend), or both"));
    }
    if (spec.command() != null) {
      for (int i = 0; i < spec.command().size(); i++) {
        String arg = spec.command().get(i);
        if (arg == null || (i == 0 && arg.isBlank())) {
          errors.add(new FieldError("spec.command[" + i + "]", "must not be empty"));
        }
      }
    }
    if (spec.port() != null && (spec.port() < 1 || spec.port() > 65535)) {
      errors.add(new FieldError("spec.port", "must be between 1 and 65535, was " + spec.port()));
    }
    if (spec.env() != null) {
      for (Map.Entry<String, String> e : spec.env().entrySet()) {
        if (e.getKey() == null || !ENV_NAME.matcher(e.getKey()).matches()) {
          errors.add(
              new FieldError(
                  "spec.env." + e.getKey(),
                  "is not a valid variable name (letters, digits, '_', not starting with a digit)"));
        } else if ("PORT".equals(e.getKey())) {
          errors.add(new FieldError("spec.env.PORT", "is set by the platform; use spec.port"));
        } else if (ReplicaEnvironment.RESERVED.contains(e.getKey())) {
          // A function must not believe it chose, say, its own consumer group: the platform's
          // value would win on one backend and be refused on another.
          errors.add(
              new FieldError(
                  "spec.env." + e.getKey(),
                  "is set by the platform on every replica; remove it from spec.env"
                      + ReplicaEnvironment.setInstead(e.getKey())));
        }
        if (e.getValue() == null) {
          errors.add(new FieldError("spec.env." + e.getKey(), "must have a value"));
        }
      }
    }
    positiveDuration("spec.timeout", spec.timeout(), errors);
    if (spec.readiness() != null
        && spec.readiness().path() != null
        && !spec.readiness().path().startsWith("/")) {
      errors.add(new FieldError("spec.readiness.path", "must start with '/'"));
    }
    validateScaling(spec.scaling(), errors);
    if (spec.triggers() != null) {
      KafkaTriggerRules.validate(spec.triggers().kafka(), errors);
    }
  }

  private static void validateScaling(ScalingSpec scaling, List<FieldError> errors) {
    if (scaling == null) {
      return;
    }
    nonNegative("spec.scaling.minScale", scaling.minScale(), errors);
    if (scaling.maxScale() != null && scaling.maxScale() < 1) {
      errors.add(
          new FieldError("spec.scaling.maxScale", "must be >= 1, was " + scaling.maxScale()));
    }
    if (scaling.minScale() != null
        && scaling.maxScale() != null
        && scaling.maxScale() < scaling.minScale()) {
      errors.add(
          new FieldError(
              "spec.scaling.maxScale",
              "must be >= minScale (" + scaling.minScale() + "), was " + scaling.maxScale()));
    }
    if (scaling.target() != null && scaling.target() < 1) {
      errors.add(new FieldError("spec.scaling.target", "must be >= 1, was " + scaling.target()));
    }
    nonNegative("spec.scaling.containerConcurrency", scaling.containerConcurrency(), errors);
    if (scaling.scaleToZeroGracePeriod() != null) {
      try {
        if (DurationText.parse(scaling.scaleToZeroGracePeriod()).isNegative()) {
          errors.add(new FieldError("spec.scaling.scaleToZeroGracePeriod", "must not be negative"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("spec.scaling.scaleToZeroGracePeriod", e.getMessage()));
      }
    }
    validateAutoscalerKnobs(scaling, errors);
  }

  /** The KPA-style knobs; ranges follow Knative's where it has them. */
  private static void validateAutoscalerKnobs(ScalingSpec scaling, List<FieldError> errors) {
    intBetween(
        "spec.scaling.targetUtilizationPercentage",
        scaling.targetUtilizationPercentage(),
        1,
        100,
        errors);
    durationBetween(
        "spec.scaling.stableWindow",
        scaling.stableWindow(),
        Duration.ofSeconds(6),
        Duration.ofHours(1),
        errors);
    intBetween(
        "spec.scaling.panicWindowPercentage", scaling.panicWindowPercentage(), 1, 100, errors);
    intBetween(
        "spec.scaling.panicThresholdPercentage",
        scaling.panicThresholdPercentage(),
        110,
        1000,
        errors);
    rateAboveOne("spec.scaling.maxScaleUpRate", scaling.maxScaleUpRate(), errors);
    rateAboveOne("spec.scaling.maxScaleDownRate", scaling.maxScaleDownRate(), errors);
    durationBetween(
        "spec.scaling.scaleDownDelay",
        scaling.scaleDownDelay(),
        Duration.ZERO,
        Duration.ofHours(1),
        errors);
    nonNegative("spec.scaling.initialScale", scaling.initialScale(), errors);
    if (scaling.activationScale() != null && scaling.activationScale() < 1) {
      errors.add(
          new FieldError(
              "spec.scaling.activationScale", "must be >= 1, was " + scaling.activationScale()));
    }
    notAboveMaxScale("spec.scaling.initialScale", scaling.initialScale(), scaling, errors);
    notAboveMaxScale("spec.scaling.activationScale", scaling.activationScale(), scaling, errors);
  }

  private static void notAboveMaxScale(
      String field, Integer value, ScalingSpec scaling, List<FieldError> errors) {
    int max = scaling.withDefaults().maxScale();
    if (value != null && value > max) {
      errors.add(new FieldError(field, "must be <= maxScale (" + max + "), was " + value));
    }
  }

  static void intBetween(String field, Integer value, int min, int max, List<FieldError> errors) {
    if (value != null && (value < min || value > max)) {
      errors.add(
          new FieldError(field, "must be between " + min + " and " + max + ", was " + value));
    }
  }

  private static void rateAboveOne(String field, Double value, List<FieldError> errors) {
    if (value != null && (value.isNaN() || value <= 1.0)) {
      errors.add(new FieldError(field, "must be greater than 1.0, was " + value));
    }
  }

  static void durationBetween(
      String field, String value, Duration min, Duration max, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    try {
      Duration d = DurationText.parse(value);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        errors.add(
            new FieldError(
                field,
                "must be between "
                    + DurationText.format(min)
                    + " and "
                    + DurationText.format(max)
                    + ", was "
                    + value));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, e.getMessage()));
    }
  }

  private static void nonNegative(String field, Integer value, List<FieldError> errors) {
    if (value != null && value < 0) {
      errors.add(new FieldError(field, "must be >= 0, was " + value));
    }
  }

  private static void positiveDuration(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    try {
      if (DurationText.parse(value).isZero() || DurationText.parse(value).isNegative()) {
        errors.add(new FieldError(field, "must be greater than zero"));
      }
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, e.getMessage()));
    }
  }
}
