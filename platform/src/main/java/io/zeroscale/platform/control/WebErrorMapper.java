package io.zeroscale.platform.control;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown paths, wrong methods and other protocol errors of the control API get the same JSON error
 * body as everything else, with a pointer to what exists.
 */
@Provider
public class WebErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response.Status status =
        Response.Status.fromStatusCode(e.getResponse().getStatus()) == null
            ? Response.Status.BAD_REQUEST
            : Response.Status.fromStatusCode(e.getResponse().getStatus());
    return ErrorBody.response(
        status,
        e.getMessage() == null ? status.getReasonPhrase() : e.getMessage(),
        "the control API is under /api/v1/functions; see docs/operations.md");
  }
}
