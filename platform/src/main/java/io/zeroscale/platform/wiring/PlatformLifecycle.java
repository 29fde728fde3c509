package io.zeroscale.platform.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.zeroscale.activator.ActivatorConfig;
import io.zeroscale.api.stats.LoadSources;
import io.zeroscale.autoscaler.AutoscalerConfig;
import io.zeroscale.autoscaler.decider.ScalingDefaults;
import io.zeroscale.autoscaler.loop.ScalingLoop;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.platform.config.PlatformConfig;
import io.zeroscale.platform.config.PlatformConfig.Role;
import io.zeroscale.platform.controller.FunctionUrls;
import io.zeroscale.platform.peers.PokeBroadcast;
import io.zeroscale.router.RouterConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Which of them run is {@code zeroscale.roles}' choice ({@link PlatformRoles}); on the
 * Kubernetes backend the controller and the loop run only while this instance leads.
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
  @Inject FunctionBackend backend;
  @Inject MeterRegistry registry;
  @Inject RouterAddress routerAddress;
  @Inject PokeBroadcast pokeBroadcast;

  private volatile DataPath dataPath;
  private FunctionBackend.ControlPlane controlPlane;
  private volatile boolean started;

  void onStart(@Observes StartupEvent event) throws Exception {
    Set<Role> roles = PlatformRoles.resolve(config.roles(), config.backend());
    // The load source reads the data path once it exists; the data path needs the loop's poke.
    LoadSources own =
        LoadSources.of(
            List.of(() -> dataPath == null ? Map.of() : dataPath.loadSource().collect()));
    ScalingLoopSlot scaling =
        new ScalingLoopSlot(
            others ->
                new ScalingLoop(
                    autoscalerConfig(),
                    backend.catalog(),
                    backend.orchestrator(),
                    own.and(others),
                    registry));
    if (config.backend() == PlatformConfig.Backend.LOCAL) {
      // Scales without an election: the loop hears pokes from the moment the router listens.
      scaling.open();
    }

    FunctionUrls urls;
    if (roles.contains(Role.ROUTER)) {
      dataPath =
          DataPath.start(
                  vertx,
                  routerConfig(),
                  activatorConfig(),
                  backend.catalog(),
                  backend.endpoints(),
                  (key, queued) -> {
                    scaling.poke(key, queued);
                    try {
                      pokeBroadcast.poke(key, queued);
                    } catch (RuntimeException e) {
                      // A hint to other instances; never the activator's problem.
                      LOG.debugf(e, "poke not broadcast function=%s", key);
                    }
                  },
                  registry)
              .toCompletionStage()
              .toCompletableFuture()
              .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      backend.dataPathStarted(dataPath);
      urls = urls(dataPath.port());
    } else {
      urls = urls(config.router().port());
    }
    routerAddress.set(urls);

    controlPlane = backend.startControlPlane(roles, scaling, urls);
    started = true;
    LOG.infof(
        "zeroscale started backend=%s roles=%s router=%s dataDir=%s functions=%d",
        config.backend(),
        roles,
        urls.routerBase(),
        config.dataDir().toAbsolutePath().normalize(),
        backend.catalog().list().size());
  }

  /**
   * Stops taking new work first, then lets work in flight finish, then stops replicas: no scale
   * change during shutdown, new and queued requests get 503 with Retry-After, requests in flight
   * finish (bounded by {@code zeroscale.drain-timeout}), then every replica drains and stops.
   */
  void onStop(@Observes ShutdownEvent event) {
    started = false;
    try {
      if (controlPlane != null) {
        controlPlane.stopScaling();
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
      if (controlPlane != null) {
        controlPlane.close();
      }
      // The backend bean's disposer then drains and stops every replica (local backend).
      LOG.info("zeroscale stopped taking requests; stopping replicas");
    }
  }

  /** This instance's data path, once it runs (roles router and activator). */
  public Optional<DataPath> dataPath() {
    return Optional.ofNullable(dataPath);
  }

  /** True once every part has started. */
  public boolean started() {
    return started;
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
