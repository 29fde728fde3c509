package io.zeroscale.platform.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The backend {@code zeroscale.backend} names, and its parts as CDI beans. Chosen at run time, so
 * one build (and one image) serves both.
 */
@ApplicationScoped
public class BackendBeans {

  @Produces
  @Singleton
  FunctionBackend backend(
      PlatformConfig config, MeterRegistry registry, Vertx vertx, ObjectMapper json) {
    return switch (config.backend()) {
      case LOCAL -> new LocalBackend(config, registry);
      case KUBERNETES -> new KubernetesBackend(config, vertx, json);
    };
  }

  /** Drains and stops every replica (local), or stops the watches (Kubernetes). */
  void closeBackend(@Disposes FunctionBackend backend) {
    backend.close();
  }

  @Produces
  @Singleton
  FunctionCatalog catalog(FunctionBackend backend) {
    return backend.catalog();
  }

  @Produces
  @Singleton
  Endpoints endpoints(FunctionBackend backend) {
    return backend.endpoints();
  }

  @Produces
  @Singleton
  Orchestrator orchestrator(FunctionBackend backend) {
    return backend.orchestrator();
  }

  @Produces
  @Singleton
  FunctionInspector inspector(FunctionBackend backend) {
    return backend.inspector();
  }
}
