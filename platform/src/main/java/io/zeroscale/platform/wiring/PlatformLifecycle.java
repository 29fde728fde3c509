package io.zeroscale.platform.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.stats.LoadSource;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.loop.ScalingLoop;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.local.process.LocalOrchestrator;
import io.zeroscale.platform.config.PlatformConfig;
import io.zeroscale.platform.config.PlatformConfig.Role;
import io.zeroscale.platform.controller.FunctionController;
import io.zeroscale.platform.controller.FunctionUrls;
import io.zeroscale.platform.controller.StatusWriter;
import io.zeroscale.router.RouterConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the platform's parts in dependency order and stops them in reverse:
 *
 * <ol>
 *   <li>the data path (router + activator), so that requests have somewhere to go;
 *   <li>the controller, which applies every function in the catalog (the local backend brings back
 *       the replicas of a stored scale);
 *   <li>the scaling loop, which reads the data path's load and scales through the backend.
 * </ol>
 *
 * <p>On shutdown the router stops accepting first, then the loop and the controller stop, then
 * every replica is drained and stopped.
 */
@Singleton
public class PlatformLifecycle {

  private static final Logger LOG = Logger.getLogger(PlatformLifecycle.class);
  private static final long START_TIMEOUT_SECONDS = 30;

  @Inject PlatformConfig config;
  @Inject Vertx vertx;
  @Inject FunctionCatalog catalog;
  @Inject Endpoints endpoints;
  @Inject LocalOrchestrator orchestrator;
  @Inject StatusWriter.StartFailures startFailures;
  @Inject MeterRegistry registry;
  @Inject RouterAddress routerAddress;

  private volatile DataPath dataPath;
  private ScalingLoop scalingLoop;
  private FunctionController controller;
  private volatile boolean started;

  void onStart(@Observes StartupEvent event) throws Exception {
    Set<Role> roles = roles();
    // The load source reads the data path once it exists; the data path needs the loop's poke.
    LoadSource load = () -> dataPath == null ? Map.of() : dataPath.loadSource().collect();
    scalingLoop =
        new ScalingLoop(autoscalerConfig(), catalog, orchestrator, List.of(load), registry);

    dataPath =
        DataPath.start(
                vertx, routerConfig(), activatorConfig(), catalog, endpoints, scalingLoop, registry)
            .toCompletionStage()
            .toCompletableFuture()
            .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    orchestrator.setInFlightRequests(dataPath.inFlightRequests());
    FunctionUrls urls = urls(dataPath.port());
    routerAddress.set(urls);

    controller =
        new FunctionController(
            catalog,
            orchestrator,
            new StatusWriter(
                catalog,
                orchestrator,
                startFailures,
                key ->
                    scalingLoop
                        .triggerStatus(key)
                        .map(
                            t -> new StatusWriter.TriggerState(t.ready(), t.reason(), t.message())),
                urls,
                Clock.systemUTC()),
            registry);
    controller.start();
    scalingLoop.start();
    started = true;
    LOG.infof(
        "zeroscale started roles=%s router=%s dataDir=%s functions=%d",
        roles,
        urls.routerBase(),
        config.dataDir().toAbsolutePath().normalize(),
        catalog.list().size());
  }

  /**
   * Stops taking new work first, then lets work in flight finish, then stops replicas: no scale
   * change during shutdown, new and queued requests get 503 with Retry-After, requests in flight
   * finish (bounded by {@code zeroscale.drain-timeout}), then every replica drains and stops.
   */
  void onStop(@Observes ShutdownEvent event) {
    started = false;
    try {
      if (scalingLoop != null) {
        scalingLoop.close();
      }
      if (dataPath != null) {
        Duration drain = config.drainTimeout();
        dataPath
            .drain(drain)
            .toCompletionStage()
            .toCompletableFuture()
            .get(drain.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      LOG.warnf(e, "data path did not drain cleanly");
    } finally {
      if (controller != null) {
        controller.close();
      }
      // The orchestrator bean's disposer then drains and stops every replica.
      LOG.info("zeroscale stopped taking requests; stopping replicas");
    }
  }

  /** True once every part has started. */
  public boolean started() {
    return started;
  }

  private Set<Role> roles() {
    Set<Role> roles = EnumSet.copyOf(config.roles());
    if (roles.contains(Role.ALL)) {
      return EnumSet.complementOf(EnumSet.of(Role.ALL));
    }
    if (!roles.containsAll(EnumSet.complementOf(EnumSet.of(Role.ALL)))) {
      throw new IllegalStateException(
          "zeroscale.roles="
              + roles
              + ": the local backend runs replicas inside this process, so it needs every role"
              + " (zeroscale.roles=all). Split roles come with the Kubernetes backend.");
    }
    return roles;
  }

  private AutoscalerConfig autoscalerConfig() {
    PlatformConfig.Autoscaler a = config.autoscaler();
    return new AutoscalerConfig(
        a.tick(),
        a.staleLoadLimit(),
        new ScalingDefaults(
            a.targetUtilizationPercentage(),
            a.stableWindow(),
            a.panicWindowPercentage(),
            a.panicThresholdPercentage(),
            a.maxScaleUpRate(),
            a.maxScaleDownRate(),
            a.scaleDownDelay(),
            a.initialScale(),
            a.activationScale()),
        a.kafka().readTimeout(),
        a.kafka().metadataMaxAge(),
        a.kafka().lagScaleDownHold());
  }

  private RouterConfig routerConfig() {
    PlatformConfig.Router router = config.router();
    RouterConfig base =
        RouterConfig.defaults()
            .withHost(router.host())
            .withPort(router.port())
            .withDomain(router.domain())
            .withMaxBodyBytes(router.maxBodyBytes())
            .withClientPoolSize(router.clientPoolSize());
    return router.instances().map(base::withInstances).orElse(base);
  }

  private ActivatorConfig activatorConfig() {
    PlatformConfig.Activator activator = config.activator();
    return new ActivatorConfig(
        activator.queueCapacity(),
        activator.maxWait(),
        (int) Math.max(1, activator.retryAfter().toSeconds()),
        ActivatorConfig.DEFAULT_POKE_INTERVAL,
        ActivatorConfig.DEFAULT_SWEEP_INTERVAL,
        activator.probeInterval());
  }

  private FunctionUrls urls(int port) {
    String base = config.router().publicUrl().orElse("http://localhost:" + port);
    return new FunctionUrls(base, config.router().domain(), port);
  }
}
