package io.zeroscale.kubernetes.scale;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.spi.Orchestrator;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.informer.Scope;
import io.zeroscale.kubernetes.reconcile.FunctionWorkload;
import io.zeroscale.kubernetes.reconcile.WorkloadTemplates;
import org.jboss.logging.Logger;

/**
 * The {@link Orchestrator} on Deployments. {@link #scale} goes through the Deployment's {@code
 * scale} subresource only, so it never races a spec update; {@link #currentScale} reads an
 * informer's cache (no API call, so the autoscaler and the metrics may call it often); {@link
 * #apply} writes the Service and the Deployment like the controller does and never resets the
 * replica count of an existing Deployment.
 *
 * <p>The cache trails a scale by one watch event (milliseconds): a {@code currentScale} right after
 * {@code scale} may still show the previous count; scaling to the same count again is harmless.
 */
public final class KubernetesOrchestrator implements Orchestrator, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubernetesOrchestrator.class);

  private final KubernetesClient client;
  private final KubernetesBackendConfig config;
  private final FunctionWorkload workload;
  private SharedIndexInformer<Deployment> deployments;

  public KubernetesOrchestrator(KubernetesClient client, KubernetesBackendConfig config) {
    this.client = client;
    this.config = config;
    this.workload = new FunctionWorkload(client, new WorkloadTemplates(config));
  }

  /** Starts the Deployment informer; returns once the first list is in. */
  public KubernetesOrchestrator start() {
    deployments =
        Scope.of(client.apps().deployments(), config)
            .withLabel(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGED_BY_VALUE)
            .runnableInformer(0);
    deployments.run();
    return this;
  }

  /**
   * Creates or updates the function's Service and Deployment, owned by its {@code Function}
   * resource, which must exist. A new Deployment starts at {@code minScale}.
   */
  @Override
  public void apply(Function function) {
    FunctionKey key = function.key();
    FunctionResource owner =
        client
            .resources(FunctionResource.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .get();
    if (owner == null) {
      throw new IllegalStateException(
          "function "
              + key
              + " has no Function resource; create it first (kubectl apply -f, or the control API)");
    }
    Function withDefaults = function.withDefaults();
    workload.applyService(withDefaults, FunctionWorkload.ownerOf(owner));
    workload.applyDeployment(
        withDefaults,
        FunctionWorkload.ownerOf(owner),
        withDefaults.spec().scalingOrDefaults().minScale());
  }

  /** Writes the Deployment's {@code scale} subresource ({@code PUT …/deployments/NAME/scale}). */
  @Override
  public void scale(FunctionKey key, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException(
          "cannot scale function " + key + " to " + replicas + " replicas; use 0 or more");
    }
    try {
      client.apps().deployments().inNamespace(key.namespace()).withName(key.name()).scale(replicas);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new IllegalStateException(
            "function "
                + key
                + " has no Deployment yet; it is created when the function is applied",
            e);
      }
      throw e;
    }
    LOG.infof("scale set function=%s desired=%d", key, replicas);
  }

  /**
   * A {@code Scale} without a resource version: the API server applies it unconditionally, so a
   * scale never fails because the Deployment's status changed a moment before. (Fabric8 reads the
   * Scale first and writes back the replicas without its version: {@code get} and {@code update} on
   * {@code deployments/scale}; its {@code scale(int)} would write the version it read and meet
   * conflicts.)
   */
  private static io.fabric8.kubernetes.api.model.autoscaling.v1.Scale scaleTo(
      FunctionKey key, int replicas) {
    return new ScaleBuilder()
        .withNewMetadata()
        .withNamespace(key.namespace())
        .withName(key.name())
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .build();
  }

  /** Deletes the Deployment and the Service (owner references would too, a moment later). */
  @Override
  public void delete(FunctionKey key) {
    client.apps().deployments().inNamespace(key.namespace()).withName(key.name()).delete();
    client.services().inNamespace(key.namespace()).withName(key.name()).delete();
    LOG.infof("workload deleted function=%s", key);
  }

  /** {@code spec.replicas} and {@code status.readyReplicas} of the Deployment, from the cache. */
  @Override
  public Scale currentScale(FunctionKey key) {
    Deployment d = deployments.getStore().getByKey(key.namespace() + "/" + key.name());
    if (d == null) {
      return Scale.NONE;
    }
    Integer desired = d.getSpec() == null ? null : d.getSpec().getReplicas();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return new Scale(desired == null ? 1 : desired, ready == null ? 0 : ready);
  }

  @Override
  public void close() {
    if (deployments != null) {
      deployments.close();
    }
  }
}
