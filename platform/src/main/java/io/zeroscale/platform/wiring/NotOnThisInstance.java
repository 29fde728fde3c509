package io.zeroscale.platform.wiring;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoint;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.Orchestrator;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

/**
 * Stand-ins for the backend parts an instance's roles do not use, so that it neither watches nor
 * needs permission for what it never reads: a control-only instance routes nothing (no
 * EndpointSlices), a router-only one scales nothing (no Deployments).
 */
final class NotOnThisInstance {

  private NotOnThisInstance() {}

  /** No replicas anywhere: nothing on this instance routes. */
  static Endpoints endpoints() {
    return new Endpoints() {
      @Override
      public List<Endpoint> current(FunctionKey key) {
        return List.of();
      }

      @Override
      public AutoCloseable watch(Listener listener) {
        return () -> {};
      }
    };
  }

  /** Every call answers 501 through the control API, saying where to ask instead. */
  static Orchestrator orchestrator(Set<?> roles) {
    String why =
        "this instance (zeroscale.roles="
            + roles
            + ") runs no controller or autoscaler, so it does not follow Deployments; ask the"
            + " control API of the zeroscale-control Service";
    return new Orchestrator() {
      @Override
      public void apply(Function function) {
        throw notHere();
      }

      @Override
      public void scale(FunctionKey key, int replicas) {
        throw notHere();
      }

      @Override
      public void delete(FunctionKey key) {
        throw notHere();
      }

      @Override
      public Scale currentScale(FunctionKey key) {
        throw notHere();
      }

      private ServerErrorException notHere() {
        return new ServerErrorException(why, Response.Status.NOT_IMPLEMENTED);
      }
    };
  }
}
