package {{package}};

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The {{name}} function: its HTTP API. zeroscale routes /fn/NAMESPACE/{{name}}/... here. */
@Path("/")
public class Handler {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String greet(@QueryParam("name") String name) {
    return "hello " + (name == null || name.isBlank() ? "from {{name}}" : name);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public String echo(String body) {
    return body;
  }
}
