package io.zeroscale.example.hello;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Greets and echoes. */
@Path("/")
public class HelloResource {

  /** The greeting word; set it with the {@code GREETING} environment variable. */
  @ConfigProperty(name = "greeting", defaultValue = "hello")
  String greeting;

  /** {@code hello from zeroscale}, or {@code hello NAME} with {@code ?name=NAME}. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String greet(@QueryParam("name") String name) {
    if (name == null || name.isBlank()) {
      return greeting + " from zeroscale";
    }
    return greeting + " " + name;
  }

  /** Sends the body back with the content type it came with. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response echo(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
    return Response.ok(body)
        .type(contentType == null ? MediaType.APPLICATION_OCTET_STREAM : contentType)
        .build();
  }
}
