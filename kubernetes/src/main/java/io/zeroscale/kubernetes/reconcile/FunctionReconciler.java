package io.zeroscale.kubernetes.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.TriggerStatus;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.CrdInstalled;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.crd.KubernetesFunctionRules;
import io.zeroscale.kubernetes.crd.StatusSubresource;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.informer.ResourceEvents;
import io.zeroscale.kubernetes.informer.Scope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The controller: for each {@code Function} it keeps a Service and a Deployment and writes the
 * function's status. Informers on Functions and on zeroscale's Deployments queue the function's key
 * (a Deployment's ready count changes its function's status); {@link #reconcile} then runs the
 * chain of named, idempotent steps below, top to bottom.
 *
 * <p>For a function with {@code spec.triggers.kafka} the status also carries {@code TriggerReady},
 * from the {@link TriggerHealth} given. A trigger's state changes without a Kubernetes event, so
 * every {@link KubernetesBackendConfig#triggerResync()} the cached statuses are compared with it
 * ({@link TriggerResync}) and only functions whose condition would change are reconciled.
 *
 * <p>Deleting a {@code Function} needs no step: the Deployment and the Service carry owner
 * references to it, so Kubernetes' garbage collector removes them.
 */
public final class FunctionReconciler implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(FunctionReconciler.class);

  private final KubernetesClient client;
  private final KubernetesBackendConfig config;
  private final FunctionWorkload workload;
  private final Clock clock;
  private final TriggerHealth triggers;
  private final ReconcileQueue queue;
  private final StatusSubresource statusWriter;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final Map<FunctionKey, Written> written = new ConcurrentHashMap<>();
  private SharedIndexInformer<FunctionResource> functions;

  /** A reconciler that follows no trigger: no function gets a {@code TriggerReady} condition. */
  public FunctionReconciler(KubernetesClient client, KubernetesBackendConfig config, Clock clock) {
    this(client, config, clock, TriggerHealth.NONE);
  }

  /**
   * @param triggers the state of each function's trigger, for its {@code TriggerReady} condition
   */
  public FunctionReconciler(
      KubernetesClient client,
      KubernetesBackendConfig config,
      Clock clock,
      TriggerHealth triggers) {
    this.client = client;
    this.config = config;
    this.workload = new FunctionWorkload(client, new WorkloadTemplates(config));
    this.clock = clock;
    this.triggers = triggers;
    this.statusWriter = new StatusSubresource(client);
    this.queue =
        new ReconcileQueue(this::reconcile, config.retryBackoff(), config.maxRetryBackoff());
  }

  /** Starts the informers; every existing function is reconciled once, then on each change. */
  public FunctionReconciler start() {
    ResourceEvents<FunctionResource> onFunction =
        new ResourceEvents<>(f -> queue.enqueue(f.key()), f -> queue.enqueue(f.key()));
    // The field is set before the informer runs: its first events reach reconcile() at once.
    functions = Scope.of(client.resources(FunctionResource.class), config).runnableInformer(0);
    functions.addEventHandler(onFunction);
    informers.add(functions);
    CrdInstalled.require(
        () -> {
          functions.run();
          return functions;
        });
    informers.add(
        Scope.of(client.apps().deployments(), config)
            .withLabel(WorkloadLabels.MANAGED_BY, WorkloadLabels.MANAGED_BY_VALUE)
            .inform(new ResourceEvents<>(this::enqueueOwner, this::enqueueOwner)));
    if (triggers.followed()) {
      queue.repeat("trigger-resync", config.triggerResync(), this::resyncTriggers);
    }
    LOG.infof(
        "controller started namespace=%s triggerResync=%s",
        config.namespace().orElse("*"), triggers.followed() ? config.triggerResync() : "off");
    return this;
  }

  /**
   * Queues {@code key} for a reconcile on the reconciler's thread, e.g. when its trigger's state
   * changed (which no Kubernetes event tells); any thread, returns at once.
   */
  public void refresh(FunctionKey key) {
    queue.enqueue(key);
  }

  /**
   * Brings one function's objects and status in line with its spec. Safe to run any number of
   * times: a step whose object is already right writes nothing.
   */
  public void reconcile(FunctionKey key) {
    FunctionResource function = functions.getStore().getByKey(key.namespace() + "/" + key.name());
    if (function == null) {
      written.remove(key);
      LOG.debugf("function gone, owner references clean up function=%s", key);
      return;
    }
    Run run = new Run(function);
    specValid(run);
    if (run.errors.isEmpty()) {
      service(run);
      deployment(run);
    } else {
      existingDeployment(run);
    }
    status(run);
  }

  /**
   * The last status written per function and the resource version it was based on. While the cache
   * still shows that version, it has not seen the write yet: the same status is not written again.
   */
  private record Written(String basedOn, FunctionStatus status) {}

  /** One reconcile's state, handed from step to step. */
  private static final class Run {
    final FunctionResource resource;
    final Function function;
    List<FieldError> errors = List.of();
    Deployment deployment;

    Run(FunctionResource resource) {
      this.resource = resource;
      this.function = resource.toFunction();
    }
  }

  /**
   * Checks the spec with the same validator as the control API, plus what this backend needs (an
   * image). Records every problem; an invalid function gets no new Deployment.
   */
  private void specValid(Run run) {
    run.errors = KubernetesFunctionRules.check(run.function);
    if (!run.errors.isEmpty()) {
      LOG.debugf("invalid spec function=%s errors=%s", run.resource.key(), run.errors);
    }
  }

  /** The Service exists with the function's port and selector, owned by the function. */
  private void service(Run run) {
    workload.applyService(run.function.withDefaults(), FunctionWorkload.ownerOf(run.resource));
  }

  /**
   * The Deployment exists with the function's pod template, owned by the function; a new one starts
   * at {@code minScale}, an existing one keeps the replica count the autoscaler gave it.
   */
  private void deployment(Run run) {
    Function function = run.function.withDefaults();
    run.deployment =
        workload.applyDeployment(
            function,
            FunctionWorkload.ownerOf(run.resource),
            function.spec().scalingOrDefaults().minScale());
  }

  /** For an invalid function: the Deployment of its last valid spec, left as it is, if any. */
  private void existingDeployment(Run run) {
    FunctionKey key = run.resource.key();
    run.deployment =
        client.apps().deployments().inNamespace(key.namespace()).withName(key.name()).get();
  }

  /**
   * The status subresource says what was observed, for which generation, with {@code SpecValid},
   * {@code Ready}, {@code ScaledToZero} and, for a valid function with a followed Kafka trigger,
   * {@code TriggerReady}; written only when it changed.
   */
  private void status(Run run) {
    FunctionKey key = run.resource.key();
    ObservedState seen =
        ObservedState.of(
            run.resource.getMetadata().getGeneration(), run.errors, run.deployment, url(key));
    if (triggers.followed() && run.errors.isEmpty() && run.function.spec().kafkaTrigger() != null) {
      seen = seen.withTrigger(triggers.of(key));
    }
    String version = run.resource.getMetadata().getResourceVersion();
    Written last = written.get(key);
    // Until the cache shows the last write, that write is the status to compare with: against the
    // cached one every condition would look new, get a new transition time and be written again.
    FunctionStatus before =
        last != null && last.basedOn().equals(version) ? last.status() : run.resource.getStatus();
    FunctionStatus after = FunctionConditions.status(seen, before, clock.instant());
    if (Objects.equals(before, after)) {
      return;
    }
    if (!statusWriter.replace(key, after, run.resource)) {
      return;
    }
    written.put(key, new Written(version, after));
    LOG.infof(
        "status written function=%s generation=%s specValid=%s desired=%d ready=%d trigger=%s",
        key,
        seen.generation(),
        seen.specValid(),
        seen.desired(),
        seen.ready(),
        seen.triggerFollowed() ? TriggerStatus.condition(seen.trigger()).reason() : "none");
  }

  /** Queues the functions whose trigger's state moved away from their stored condition. */
  private void resyncTriggers() {
    for (FunctionKey key : TriggerResync.due(functions.getStore().list(), triggers)) {
      LOG.debugf("trigger state changed, reconciling function=%s", key);
      queue.enqueue(key);
    }
  }

  private String url(FunctionKey key) {
    return config.routerUrl() + "/fn/" + key.namespace() + "/" + key.name() + "/";
  }

  private void enqueueOwner(Deployment deployment) {
    var labels = deployment.getMetadata().getLabels();
    String name = labels == null ? null : labels.get(WorkloadLabels.FUNCTION);
    if (name != null) {
      queue.enqueue(new FunctionKey(deployment.getMetadata().getNamespace(), name));
    }
  }

  @Override
  public void close() {
    queue.close();
    informers.forEach(SharedIndexInformer::close);
  }
}
