package io.zeroscale.platform.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zeroscale.api.function.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The JSON body of every error the control API returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String error, List<FieldError> problems, String hint) {

  static Response response(Response.Status status, String error, String hint) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ErrorBody(error, List.of(), hint))
        .build();
  }

  static Response invalid(List<FieldError> problems) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON)
        .entity(
            new ErrorBody(
                "invalid function spec: " + problems.size() + " problem(s)",
                problems,
                "fix each field listed in 'problems' and send the spec again"))
        .build();
  }
}
