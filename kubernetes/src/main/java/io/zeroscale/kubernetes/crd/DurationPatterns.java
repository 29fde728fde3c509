package io.zeroscale.kubernetes.crd;

/**
 * Regular expressions for the durations {@link io.zeroscale.api.function.DurationText} reads, as
 * OpenAPI patterns: the short form ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}) or an
 * ISO-8601 duration. The ISO form's sign and value are left to the validator.
 */
final class DurationPatterns {

  /** A duration greater than zero in the short form, or any ISO-8601 duration. */
  static final String POSITIVE = "^\\s*(0*[1-9][0-9]*(ms|s|m|h)|[-+]?[Pp][0-9A-Za-z.,]+)\\s*$";

  /** A duration of zero or more in the short form, or any ISO-8601 duration. */
  static final String NON_NEGATIVE = "^\\s*([0-9]+(ms|s|m|h)|[-+]?[Pp][0-9A-Za-z.,]+)\\s*$";

  private DurationPatterns() {}
}
