package io.zeroscale.platform.wiring;

import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.platform.config.PlatformConfig.Role;
import io.zeroscale.platform.controller.FunctionUrls;
import java.util.Set;

/**
 * Where functions run, as the platform's parts see it: the SPI plus how the backend runs its
 * controller and the scaling loop. {@link LocalBackend} runs them in this process; {@link
 * KubernetesBackend} runs them only while this instance leads.
 */
public interface FunctionBackend extends AutoCloseable {

  FunctionCatalog catalog();

  Endpoints endpoints();

  Orchestrator orchestrator();

  FunctionInspector inspector();

  /** The data path of this instance started (the local backend drains replicas by its counts). */
  default void dataPathStarted(DataPath dataPath) {}

  /**
   * Starts what {@code roles} ask of the control plane: the controller, and the scaling loop held
   * by {@code scaling}.
   */
  ControlPlane startControlPlane(Set<Role> roles, ScalingLoopSlot scaling, FunctionUrls urls);

  /** Stops the backend's watches and, on the local backend, drains and stops every replica. */
  @Override
  void close();

  /** The running controller and scaling loop, stopped in two steps around the data path's drain. */
  interface ControlPlane {
    ControlPlane NONE =
        new ControlPlane() {
          @Override
          public void stopScaling() {}

          @Override
          public void close() {}
        };

    /** No scale change from now on (before the data path drains). */
    void stopScaling();

    /** Stops the rest (after the data path drained). */
    void close();
  }
}
