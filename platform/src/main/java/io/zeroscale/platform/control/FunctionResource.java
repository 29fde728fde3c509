package io.zeroscale.platform.control;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.platform.wiring.FunctionInspector;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Functions as a REST resource. Bodies are read as text and parsed by {@link FunctionCodec} (YAML
 * or JSON), so that a typo or a wrong type is reported with its field path like every other spec
 * problem.
 */
@Path("/api/v1/functions")
@Produces(MediaType.APPLICATION_JSON)
public class FunctionResource {

  @Inject FunctionCatalog catalog;
  @Inject Orchestrator orchestrator;
  @Inject FunctionInspector inspector;

  @GET
  public List<Function> list(@QueryParam("namespace") String namespace) {
    return catalog.list().stream()
        .filter(f -> namespace == null || namespace.equals(f.key().namespace()))
        .toList();
  }

  /** Creates a function; 409 if it exists (use PUT to replace). */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(String body) {
    Function function = parse(body, null);
    if (catalog.get(function.key()).isPresent()) {
      return ErrorBody.response(
          Response.Status.CONFLICT,
          "function " + function.key() + " already exists",
          "use PUT /api/v1/functions/" + function.key() + " (zeroscale deploy) to replace it");
    }
    Function stored = catalog.put(function);
    return Response.status(Response.Status.CREATED).entity(stored).build();
  }

  /** Creates or replaces a function (what {@code zeroscale deploy} calls). */
  @PUT
  @Path("{namespace}/{name}")
  @Consumes(MediaType.WILDCARD)
  public Response apply(
      @PathParam("namespace") String namespace, @PathParam("name") String name, String body) {
    FunctionKey key = FunctionKey.of(namespace, name);
    boolean existed = catalog.get(key).isPresent();
    Function stored = catalog.put(parse(body, key));
    return Response.status(existed ? Response.Status.OK : Response.Status.CREATED)
        .entity(stored)
        .build();
  }

  @GET
  @Path("{namespace}/{name}")
  public Response get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    FunctionKey key = FunctionKey.of(namespace, name);
    return catalog.get(key).map(f -> Response.ok(f).build()).orElseGet(() -> notFound(key));
  }

  @DELETE
  @Path("{namespace}/{name}")
  public Response delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    FunctionKey key = FunctionKey.of(namespace, name);
    return catalog.delete(key) ? Response.noContent().build() : notFound(key);
  }

  /** Desired and ready replicas, straight from the backend. */
  @GET
  @Path("{namespace}/{name}/scale")
  public Response scale(@PathParam("namespace") String namespace, @PathParam("name") String name) {
    FunctionKey key = FunctionKey.of(namespace, name);
    if (catalog.get(key).isEmpty()) {
      return notFound(key);
    }
    return Response.ok(orchestrator.currentScale(key)).build();
  }

  /** Each replica with its state, port and start-up time. */
  @GET
  @Path("{namespace}/{name}/replicas")
  public Response replicas(
      @PathParam("namespace") String namespace, @PathParam("name") String name) {
    FunctionKey key = FunctionKey.of(namespace, name);
    if (catalog.get(key).isEmpty()) {
      return notFound(key);
    }
    if (inspector.unavailable(key).isPresent()) {
      return notHere(inspector.unavailable(key).get());
    }
    return Response.ok(inspector.replicas(key)).build();
  }

  /** The last lines of the function's replica logs, each prefixed by its replica id. */
  @GET
  @Path("{namespace}/{name}/logs")
  @Produces(MediaType.TEXT_PLAIN)
  public Response logs(
      @PathParam("namespace") String namespace,
      @PathParam("name") String name,
      @QueryParam("tail") @DefaultValue("100") String tailText) {
    FunctionKey key = FunctionKey.of(namespace, name);
    if (catalog.get(key).isEmpty()) {
      return notFound(key);
    }
    if (inspector.unavailable(key).isPresent()) {
      return notHere(inspector.unavailable(key).get());
    }
    // Parsed here, not by JAX-RS: a malformed number would otherwise be a bare 404.
    int tail;
    try {
      tail = Integer.parseInt(tailText.trim());
    } catch (NumberFormatException e) {
      tail = -1;
    }
    if (tail < 1 || tail > 100_000) {
      return ErrorBody.response(
          Response.Status.BAD_REQUEST,
          "tail must be a number between 1 and 100000, was '" + tailText + "'",
          "for example ?tail=100");
    }
    return Response.ok(String.join("\n", inspector.logs(key, tail)) + "\n")
        .type(MediaType.TEXT_PLAIN)
        .build();
  }

  private static Function parse(String body, FunctionKey pathKey) {
    if (body == null || body.isBlank()) {
      throw new InvalidFunctionException(
          List.of(new FieldError("(body)", "is empty; send a Function as YAML or JSON")));
    }
    Function function = FunctionCodec.read(body);
    if (function == null) {
      throw new InvalidFunctionException(
          List.of(new FieldError("(body)", "is empty; send a Function as YAML or JSON")));
    }
    if (pathKey == null) {
      FunctionValidator.requireValid(function);
      return function;
    }
    ObjectMeta meta = function.metadata() == null ? ObjectMeta.of(null, null) : function.metadata();
    if (meta.name() != null && !meta.name().equals(pathKey.name())) {
      throw new InvalidFunctionException(
          List.of(
              new FieldError(
                  "metadata.name",
                  "'"
                      + meta.name()
                      + "' does not match the name in the URL '"
                      + pathKey.name()
                      + "'")));
    }
    if (meta.namespace() != null && !meta.namespace().equals(pathKey.namespace())) {
      throw new InvalidFunctionException(
          List.of(
              new FieldError(
                  "metadata.namespace",
                  "'"
                      + meta.namespace()
                      + "' does not match the namespace in the URL '"
                      + pathKey.namespace()
                      + "'")));
    }
    return function.withMetadata(
        new ObjectMeta(pathKey.name(), pathKey.namespace(), meta.generation(), meta.labels()));
  }

  /** 501: this backend does not show replicas or logs; the hint says where they are. */
  private static Response notHere(String hint) {
    return ErrorBody.response(
        Response.Status.NOT_IMPLEMENTED, "replicas and logs are not served by this backend", hint);
  }

  private static Response notFound(FunctionKey key) {
    return ErrorBody.response(
        Response.Status.NOT_FOUND,
        "function " + key + " not found",
        "list functions with 'zeroscale list' or GET /api/v1/functions");
  }
}
