package io.zeroscale.platform.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.local.LocalBackendConfig;
import io.zeroscale.local.catalog.FileFunctionCatalog;
import io.zeroscale.local.process.LocalOrchestrator;
import io.zeroscale.local.process.MicrometerStartupTimer;
import io.zeroscale.local.process.ReplicaInfo;
import io.zeroscale.platform.config.PlatformConfig;
import io.zeroscale.platform.config.PlatformConfig.Role;
import io.zeroscale.platform.controller.FunctionController;
import io.zeroscale.platform.controller.FunctionUrls;
import io.zeroscale.platform.controller.StatusWriter;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The local backend: one {@link LocalOrchestrator} serves as {@link Orchestrator} and {@link
 * Endpoints}, one {@link FileFunctionCatalog} as {@link FunctionCatalog}; the platform's {@link
 * FunctionController} applies functions and writes their status. {@link KubernetesBackend} is its
 * sibling.
 */
final class LocalBackend implements FunctionBackend {

  private final LocalOrchestrator orchestrator;
  private final FunctionCatalog catalog;
  private final MeterRegistry registry;

  LocalBackend(PlatformConfig platform, MeterRegistry registry) {
    LocalBackendConfig config = config(platform);
    this.registry = registry;
    this.orchestrator = new LocalOrchestrator(config);
    orchestrator.addStartupListener(new MicrometerStartupTimer(registry));
    this.catalog = new FileFunctionCatalog(config.functionsDir());
  }

  private static LocalBackendConfig config(PlatformConfig platform) {
    PlatformConfig.Local local = platform.local();
    LocalBackendConfig config =
        LocalBackendConfig.defaults(platform.dataDir().toAbsolutePath().normalize())
            .withStartTimeout(local.startTimeout())
            .withDrainTimeout(local.drainTimeout())
            .withStopGracePeriod(local.stopGracePeriod())
            .withProbeInterval(local.probeInterval());
    return local.maxConcurrentStarts().map(config::withMaxConcurrentStarts).orElse(config);
  }

  @Override
  public FunctionCatalog catalog() {
    return catalog;
  }

  @Override
  public Endpoints endpoints() {
    return orchestrator;
  }

  @Override
  public Orchestrator orchestrator() {
    return orchestrator;
  }

  @Override
  public void dataPathStarted(DataPath dataPath) {
    orchestrator.setInFlightRequests(dataPath.inFlightRequests());
  }

  /** The controller and the loop, in this process; the local backend runs every role. */
  @Override
  public ControlPlane startControlPlane(
      Set<Role> roles, ScalingLoopSlot scaling, FunctionUrls urls) {
    FunctionController controller =
        new FunctionController(
            catalog,
            orchestrator,
            new StatusWriter(
                catalog,
                orchestrator,
                key -> orchestrator.lastStartFailure(key).map(f -> f.reason()),
                scaling::triggerStatus,
                urls,
                Clock.systemUTC()),
            registry);
    controller.start();
    scaling.start();
    return new ControlPlane() {
      @Override
      public void stopScaling() {
        scaling.close();
      }

      @Override
      public void close() {
        controller.close();
      }
    };
  }

  @Override
  public FunctionInspector inspector() {
    return new FunctionInspector() {
      @Override
      public List<ReplicaView> replicas(FunctionKey key) {
        return orchestrator.replicas(key).stream().map(LocalBackend::view).toList();
      }

      @Override
      public List<String> logs(FunctionKey key, int tail) {
        return orchestrator.logs().tail(key, tail);
      }
    };
  }

  /** Drains and stops every replica. */
  @Override
  public void close() {
    orchestrator.close();
  }

  private static FunctionInspector.ReplicaView view(ReplicaInfo r) {
    return new FunctionInspector.ReplicaView(
        r.id(),
        r.state().name(),
        r.pid(),
        r.port() == 0 ? null : "127.0.0.1:" + r.port(),
        r.startedAt() == null ? null : r.startedAt().toString(),
        r.timeToReady() == null ? null : r.timeToReady().toMillis());
  }
}
