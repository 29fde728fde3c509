package io.zeroscale.runtime.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zeroscale.runtime.RuntimeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Serves the application's {@link EventFunction} over HTTP per the CloudEvents HTTP protocol
 * binding: reads the event with the CloudEvents SDK (binary mode from {@code ce-*} headers,
 * structured mode from a {@code application/cloudevents+json} body), calls the function on a worker
 * thread, and writes its answer in the same mode. A request that is not a valid CloudEvent gets
 * {@code 400} with the SDK's reason.
 */
@ApplicationScoped
public class CloudEventEndpoint {

  private static final Logger LOG = Logger.getLogger(CloudEventEndpoint.class);

  private final Instance<EventFunction> functions;
  private final RuntimeConfig.Events config;

  CloudEventEndpoint(Instance<EventFunction> functions, RuntimeConfig config) {
    this.functions = functions;
    this.config = config.events();
  }

  void install(@Observes Router router) {
    if (!functions.isResolvable()) {
      return;
    }
    router
        .post(config.path())
        .handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()))
        .blockingHandler(this::handle, false);
    // Any other method: say how to send an event instead of a bare 405 (a newcomer's first curl
    // is a GET).
    router.route(config.path()).handler(this::notAnEvent);
    LOG.infof("cloudevents endpoint installed path=%s", config.path());
  }

  private void handle(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    MessageReader reader;
    CloudEvent event;
    try {
      reader =
          VertxMessageFactory.createReader(
              ctx.request().headers(), body == null ? Buffer.buffer() : body);
      event = reader.toEvent();
    } catch (RuntimeException e) {
      badRequest(ctx, "not a valid CloudEvent: " + reasonOf(e));
      return;
    }
    Optional<CloudEvent> answer;
    try {
      answer = functions.get().handle(event);
    } catch (IllegalArgumentException e) {
      badRequest(ctx, "the function rejected event " + event.getId() + ": " + e.getMessage());
      return;
    } catch (Exception e) {
      LOG.errorf(e, "event function failed id=%s type=%s", event.getId(), event.getType());
      error(ctx, 500, "the function failed on event " + event.getId() + ": " + e, null);
      return;
    }
    reply(ctx, reader.getEncoding(), answer);
  }

  private void notAnEvent(RoutingContext ctx) {
    ctx.response().putHeader("Allow", "POST");
    error(
        ctx,
        405,
        "this function takes CloudEvents sent with POST, not " + ctx.request().method(),
        "for example: curl -H 'ce-specversion: 1.0' -H 'ce-id: 1' -H 'ce-source: /me'"
            + " -H 'ce-type: my.type' -H 'Content-Type: application/json' -d '{}' URL");
  }

  private static void reply(RoutingContext ctx, Encoding mode, Optional<CloudEvent> answer) {
    if (answer.isEmpty()) {
      ctx.response().setStatusCode(202).end();
      return;
    }
    ctx.response().setStatusCode(200);
    if (mode == Encoding.STRUCTURED) {
      VertxMessageFactory.createWriter(ctx.response())
          .writeStructured(answer.get(), JsonFormat.CONTENT_TYPE);
    } else {
      VertxMessageFactory.createWriter(ctx.response()).writeBinary(answer.get());
    }
  }

  private static void badRequest(RoutingContext ctx, String message) {
    error(
        ctx,
        400,
        message,
        "send ce-specversion, ce-id, ce-source and ce-type headers (binary mode) or a"
            + " Content-Type: application/cloudevents+json body with those attributes"
            + " (structured mode)");
  }

  private static void error(RoutingContext ctx, int status, String message, String hint) {
    JsonObject body = new JsonObject().put("error", message);
    if (hint != null) {
      body.put("hint", hint);
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  /** The SDK wraps parse errors; the innermost message says what is wrong. */
  private static String reasonOf(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t == e ? e.getMessage() : e.getMessage() + " (" + t.getMessage() + ")";
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
