package io.zeroscale.api.function;

/** One problem with a spec, located by its field path ({@code spec.scaling.maxScale}). */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
