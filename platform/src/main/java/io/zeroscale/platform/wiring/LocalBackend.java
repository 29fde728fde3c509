package io.zeroscale.platform.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.local.LocalBackendConfig;
import io.zeroscale.local.catalog.FileFunctionCatalog;
import io.zeroscale.local.process.LocalOrchestrator;
import io.zeroscale.local.process.MicrometerStartupTimer;
import io.zeroscale.local.process.ReplicaInfo;
import io.zeroscale.platform.config.PlatformConfig;
import io.zeroscale.platform.controller.StatusWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The local backend as CDI beans: one {@link LocalOrchestrator} serves as {@link Orchestrator} and
 * {@link Endpoints}, one {@link FileFunctionCatalog} as {@link FunctionCatalog}. A Kubernetes
 * backend will be a sibling of this class.
 */
@ApplicationScoped
public class LocalBackend {

  @Produces
  @Singleton
  LocalBackendConfig config(PlatformConfig platform) {
    PlatformConfig.Local local = platform.local();
    LocalBackendConfig config =
        LocalBackendConfig.defaults(platform.dataDir().toAbsolutePath().normalize())
            .withStartTimeout(local.startTimeout())
            .withDrainTimeout(local.drainTimeout())
            .withStopGracePeriod(local.stopGracePeriod())
            .withProbeInterval(local.probeInterval());
    return local.maxConcurrentStarts().map(config::withMaxConcurrentStarts).orElse(config);
  }

  /** Typed to its class only, so that the SPI types below have exactly one producer each. */
  @Produces
  @Singleton
  @Typed(LocalOrchestrator.class)
  LocalOrchestrator localOrchestrator(LocalBackendConfig config, MeterRegistry registry) {
    LocalOrchestrator orchestrator = new LocalOrchestrator(config);
    orchestrator.addStartupListener(new MicrometerStartupTimer(registry));
    return orchestrator;
  }

  void closeOrchestrator(@Disposes LocalOrchestrator orchestrator) {
    orchestrator.close();
  }

  @Produces
  @Singleton
  Orchestrator orchestrator(LocalOrchestrator local) {
    return local;
  }

  @Produces
  @Singleton
  Endpoints endpoints(LocalOrchestrator local) {
    return local;
  }

  @Produces
  @Singleton
  @Typed(FunctionCatalog.class)
  FunctionCatalog catalog(LocalBackendConfig config) {
    return new FileFunctionCatalog(config.functionsDir());
  }

  @Produces
  @Singleton
  StatusWriter.StartFailures startFailures(LocalOrchestrator local) {
    return key -> local.lastStartFailure(key).map(f -> f.reason());
  }

  @Produces
  @Singleton
  FunctionInspector inspector(LocalOrchestrator local) {
    return new FunctionInspector() {
      @Override
      public List<ReplicaView> replicas(FunctionKey key) {
        return local.replicas(key).stream().map(LocalBackend::view).toList();
      }

      @Override
      public List<String> logs(FunctionKey key, int tail) {
        return local.logs().tail(key, tail);
      }
    };
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
