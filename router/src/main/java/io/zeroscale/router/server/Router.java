package io.zeroscale.router.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zeroscale.router.RouterConfig;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.RoutingTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.jboss.logging.Logger;

/** The router's HTTP server: {@code config.instances()} verticles sharing one port. */
public final class Router {

  private static final Logger LOG = Logger.getLogger(Router.class);

  private final Vertx vertx;
  private final String deploymentId;
  private final int port;
  private final Intake intake;

  private Router(Vertx vertx, String deploymentId, int port, Intake intake) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.port = port;
    this.intake = intake;
  }

  /**
   * Starts the server. The table must be started; requests it cannot place go to {@code handoff}
   * ({@link Handoff#REJECT} without an activator).
   */
  public static Future<Router> start(
      Vertx vertx, RouterConfig config, RoutingTable table, Handoff handoff) {
    // Port 0: pick one free port up front so every instance shares it.
    int port = config.port() == 0 ? freePort() : config.port();
    int instances = Math.max(1, config.instances());
    Intake intake = new Intake();
    return vertx
        .deployVerticle(
            () -> new RouterVerticle(config, port, table, handoff, intake),
            new DeploymentOptions().setInstances(instances))
        .map(
            id -> {
              LOG.infof(
                  "router listening host=%s port=%d instances=%d domain=%s nativeTransport=%s",
                  config.host(),
                  port,
                  instances,
                  config.domain(),
                  vertx.isNativeTransportEnabled());
              return new Router(vertx, id, port, intake);
            });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port for the router", e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Stops taking new requests: from now on they get 503 with {@code Retry-After} and {@code
   * Connection: close}. Requests in flight go on; the port stays open until {@link #close}.
   */
  public void stopAccepting() {
    if (intake.open()) {
      intake.stop();
      LOG.infof("router stopped accepting requests port=%d", port);
    }
  }

  /** Closes the port and every connection at once, requests in flight included. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId);
  }
}
