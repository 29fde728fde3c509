package io.zeroscale.platform.control;

import io.zeroscale.api.function.InvalidFunctionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An invalid spec, wherever it is found, is a 400 listing every field problem. */
@Provider
public class InvalidFunctionMapper implements ExceptionMapper<InvalidFunctionException> {
  @Override
  public Response toResponse(InvalidFunctionException e) {
    return ErrorBody.invalid(e.errors());
  }
}
