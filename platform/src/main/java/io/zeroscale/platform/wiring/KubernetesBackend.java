package io.zeroscale.platform.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import io.zeroscale.api.spi.Endpoints;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.datapath.DataPath;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.catalog.KubernetesFunctionCatalog;
import io.zeroscale.kubernetes.endpoints.EndpointSliceEndpoints;
import io.zeroscale.kubernetes.leader.LeadershipListener;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.leader.LeaseLeaderElection;
import io.zeroscale.kubernetes.leader.WhileLeading;
import io.zeroscale.kubernetes.peers.DataPathDiscovery;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import io.zeroscale.kubernetes.reconcile.TriggerHealth;
import io.zeroscale.kubernetes.scale.KubernetesOrchestrator;
import io.zeroscale.platform.config.PlatformConfig;
import io.zeroscale.platform.config.PlatformConfig.Role;
import io.zeroscale.platform.controller.FunctionUrls;
import io.zeroscale.platform.peers.DataPathPeers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The Kubernetes backend: {@code Function} resources as the catalog, EndpointSlices as the
 * endpoints, Deployments scaled through their scale subresource. The controller is the kubernetes
 * module's {@link FunctionReconciler} (it writes the status; the platform's own controller does not
 * run), and it and the scaling loop run only while this instance holds the Lease: of several
 * instances, one scales and reconciles; every instance routes.
 */
final class KubernetesBackend implements FunctionBackend {

  private static final Logger LOG = Logger.getLogger(KubernetesBackend.class);

  /** Longest one read of another instance's load may take (a tick is 2 s by default). */
  private static final Duration PEER_READ_TIMEOUT = Duration.ofSeconds(1);

  private final PlatformConfig.Kubernetes settings;
  private final KubernetesClient client;
  private final KubernetesBackendConfig config;
  private final KubernetesFunctionCatalog catalog;
  private final Endpoints endpoints;
  private final Orchestrator orchestrator;
  private final List<AutoCloseable> informers = new ArrayList<>();
  private final Vertx vertx;
  private final ObjectMapper json;
  private volatile DataPath dataPath;

  /**
   * Connects and syncs the informers this instance's roles read before it returns: Functions
   * always; EndpointSlices with a data path; Deployments with the controller or the autoscaler.
   */
  KubernetesBackend(PlatformConfig platform, Vertx vertx, ObjectMapper json) {
    this.vertx = vertx;
    this.json = json;
    this.settings = platform.kubernetes();
    this.client = client(settings);
    this.config = config(settings);
    Set<Role> roles = PlatformRoles.resolve(platform.roles(), PlatformConfig.Backend.KUBERNETES);
    this.catalog = started(new KubernetesFunctionCatalog(client, config).start());
    this.endpoints =
        roles.contains(Role.ROUTER)
            ? started(new EndpointSliceEndpoints(client, config).start())
            : NotOnThisInstance.endpoints();
    this.orchestrator =
        roles.contains(Role.AUTOSCALER) || roles.contains(Role.CONTROLLER)
            ? started(new KubernetesOrchestrator(client, config).start())
            : NotOnThisInstance.orchestrator(roles);
    LOG.infof(
        "kubernetes backend started apiServer=%s namespace=%s",
        client.getMasterUrl(), config.namespace().orElse("*"));
  }

  private <T extends AutoCloseable> T started(T informer) {
    informers.add(0, informer); // closed in reverse order
    return informer;
  }

  /** The usual configuration (kubeconfig, or the in-cluster service account), URL overridden. */
  private static KubernetesClient client(PlatformConfig.Kubernetes settings) {
    Config config = Config.autoConfigure(null);
    if (settings.apiServerUrl().isPresent()) {
      config = new ConfigBuilder(config).withMasterUrl(settings.apiServerUrl().get()).build();
    }
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static KubernetesBackendConfig config(PlatformConfig.Kubernetes s) {
    return new KubernetesBackendConfig(
        s.namespace(),
        s.routerUrl(),
        s.preStopSleep(),
        s.shutdownMargin(),
        s.readinessPeriod(),
        s.retryBackoff(),
        s.maxRetryBackoff(),
        s.triggerResync());
  }

  @Override
  public FunctionCatalog catalog() {
    return catalog;
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public Orchestrator orchestrator() {
    return orchestrator;
  }

  /**
   * The controller and the scaling loop, each run by a {@link WhileLeading} of one Lease election:
   * they start when this instance leads and stop when it no longer does. The reconciler writes the
   * TriggerReady condition of Kafka-triggered functions from the loop's trigger status when this
   * instance also runs the autoscaler (an instance without it leaves that condition out).
   */
  @Override
  public ControlPlane startControlPlane(
      Set<Role> roles, ScalingLoopSlot scaling, FunctionUrls urls) {
    List<WhileLeading> parts = new ArrayList<>();
    if (roles.contains(Role.CONTROLLER)) {
      parts.add(
          new WhileLeading(
              "controller",
              () -> {
                if (!roles.contains(Role.AUTOSCALER)) {
                  return new FunctionReconciler(
                          client, config, Clock.systemUTC(), TriggerHealth.NONE)
                      .start();
                }
                FunctionReconciler reconciler =
                    new FunctionReconciler(
                            client, config, Clock.systemUTC(), scaling::triggerStatus)
                        .start();
                // A trigger's new state reaches its status at once; the resync is the backstop.
                AutoCloseable hearing =
                    scaling.onTriggerStatusChange((key, status) -> reconciler.refresh(key));
                return () -> {
                  hearing.close();
                  reconciler.close();
                };
              }));
    }
    if (roles.contains(Role.AUTOSCALER)) {
      parts.add(
          new WhileLeading(
              "autoscaler",
              () -> {
                // Every data-path instance's load and pokes, this one's included (skipped by id).
                DataPathDiscovery discovery =
                    new DataPathDiscovery(client, peersNamespace(), settings.peers().service());
                DataPathPeers peers =
                    new DataPathPeers(
                        discovery::current,
                        vertx,
                        json,
                        scaling,
                        PEER_READ_TIMEOUT,
                        () -> Optional.ofNullable(dataPath).map(DataPath::instance));
                AutoCloseable stop =
                    () -> {
                      scaling.close();
                      peers.close();
                      discovery.close();
                    };
                try {
                  discovery.start();
                  peers.start();
                  scaling.start(peers);
                  return stop;
                } catch (RuntimeException e) {
                  // Nothing left running for the term (WhileLeading logs the failure).
                  closeQuietly(stop);
                  throw e;
                }
              }));
    }
    if (parts.isEmpty()) {
      return ControlPlane.NONE;
    }
    LeaseLeaderElection election =
        new LeaseLeaderElection(client, leaseConfig(), allOf(parts)).start();
    return new ControlPlane() {
      @Override
      public void stopScaling() {
        election.close();
        parts.forEach(WhileLeading::close);
      }

      /** Nothing left: both parts stopped with the election. */
      @Override
      public void close() {}
    };
  }

  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      LOG.warnf(e, "stopping a part that failed to start failed too");
    }
  }

  private String peersNamespace() {
    return settings
        .peers()
        .namespace()
        .or(() -> Optional.ofNullable(client.getNamespace()))
        .orElse("default");
  }

  @Override
  public void dataPathStarted(DataPath dataPath) {
    this.dataPath = dataPath;
  }

  private LeaseConfig leaseConfig() {
    PlatformConfig.Kubernetes.Lease lease = settings.lease();
    String namespace =
        lease.namespace().or(() -> Optional.ofNullable(client.getNamespace())).orElse("default");
    return new LeaseConfig(
        namespace,
        lease.name(),
        LeaseConfig.identityOfThisProcess(),
        lease.duration(),
        lease.renewDeadline(),
        lease.retryPeriod());
  }

  private static LeadershipListener allOf(List<WhileLeading> parts) {
    return new LeadershipListener() {
      @Override
      public void onStartLeading() {
        parts.forEach(WhileLeading::onStartLeading);
      }

      @Override
      public void onStopLeading() {
        parts.forEach(WhileLeading::onStopLeading);
      }
    };
  }

  /** Pods and their logs are the cluster's to show. */
  @Override
  public FunctionInspector inspector() {
    return new PodsInspector();
  }

  @Override
  public void close() {
    for (AutoCloseable informer : informers) {
      try {
        informer.close();
      } catch (Exception e) {
        LOG.warnf(e, "closing %s failed", informer.getClass().getSimpleName());
      }
    }
    client.close();
    LOG.info("kubernetes backend stopped");
  }
}
