package io.zeroscale.api.function;

import java.util.List;
import java.util.stream.Collectors;

/** A function spec that cannot be accepted, with every problem found in it. */
public class InvalidFunctionException extends IllegalArgumentException {

  private final transient List<FieldError> errors;

  public InvalidFunctionException(List<FieldError> errors) {
    super(
        "invalid function: "
            + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
