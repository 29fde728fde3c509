package io.zeroscale.platform.control;

import io.zeroscale.platform.wiring.RouterAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a client needs to know about this platform instance: where to call functions. */
@Path("/api/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public class InfoResource {

  @Inject RouterAddress router;

  /** The instance's self-description. */
  public record Info(String routerUrl, String domain, String version) {}

  @GET
  public Info info() {
    return new Info(router.urls().routerBase(), router.urls().domain(), "0.1.0-SNAPSHOT");
  }
}
