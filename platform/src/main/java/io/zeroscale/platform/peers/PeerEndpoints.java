package io.zeroscale.platform.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zeroscale.api.stats.LoadSnapshot;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.platform.wiring.PlatformLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What a data-path instance tells the leading autoscaler, on the control port (not the router's:
 * function callers never see it):
 *
 * <ul>
 *   <li>{@code GET /internal/v1/load}: the running load totals ({@link LoadSnapshot}); reading them
 *       changes nothing, so any number of readers may;
 *   <li>{@code GET /internal/v1/pokes}: a stream of JSON lines, one per poke ({@link
 *       WaitingRequests}), starting with what waits now, with an empty line every {@value
 *       #HEARTBEAT_MILLIS} ms.
 * </ul>
 *
 * Both answer 503 on an instance without a data path. Plain Vert.x routes rather than REST
 * resources: the stream stays open for as long as the leader leads.
 */
@ApplicationScoped
public class PeerEndpoints {

  public static final String LOAD_PATH = "/internal/v1/load";
  public static final String POKES_PATH = "/internal/v1/pokes";
  static final long HEARTBEAT_MILLIS = 5_000;

  @Inject PlatformLifecycle lifecycle;
  @Inject PokeBroadcast pokes;
  @Inject ObjectMapper json;
  @Inject Vertx vertx;

  void routes(@Observes Router router) {
    router.get(LOAD_PATH).handler(this::load);
    router.get(POKES_PATH).handler(this::pokes);
    vertx.setPeriodic(HEARTBEAT_MILLIS, id -> pokes.heartbeat());
    // A JVM hook, because Quarkus waits for open requests before its ShutdownEvent: this one runs
    // at SIGTERM, alongside Quarkus' own.
    Runtime.getRuntime().addShutdownHook(new Thread(pokes::endAll, "zeroscale-poke-streams-end"));
  }

  private void load(RoutingContext context) {
    Optional<DataPath> dataPath = lifecycle.dataPath();
    if (dataPath.isEmpty()) {
      noDataPath(context);
      return;
    }
    try {
      context
          .response()
          .putHeader("Content-Type", "application/json")
          .end(json.writeValueAsString(dataPath.get().loadSnapshot()));
    } catch (JsonProcessingException e) {
      context.fail(e);
    }
  }

  private void pokes(RoutingContext context) {
    Optional<DataPath> dataPath = lifecycle.dataPath();
    if (dataPath.isEmpty()) {
      noDataPath(context);
      return;
    }
    var response =
        context.response().setChunked(true).putHeader("Content-Type", "application/x-ndjson");
    DataPath path = dataPath.get();
    pokes.follow(
        response,
        () ->
            path.loadSnapshot().functions().stream()
                .filter(t -> t.queued() > 0)
                .map(t -> new WaitingRequests(t.key(), t.queued()))
                .toList());
  }

  private static void noDataPath(RoutingContext context) {
    context
        .response()
        .setStatusCode(503)
        .putHeader("Content-Type", "application/json")
        .end("{\"error\":\"this instance runs no data path (zeroscale.roles)\"}");
  }
}
