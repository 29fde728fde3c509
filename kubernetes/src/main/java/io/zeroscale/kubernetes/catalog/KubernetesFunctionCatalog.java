package io.zeroscale.kubernetes.catalog;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.api.spi.OrderedDelivery;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.CrdInstalled;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.crd.KubernetesFunctionRules;
import io.zeroscale.kubernetes.crd.StatusSubresource;
import io.zeroscale.kubernetes.informer.ResourceEvents;
import io.zeroscale.kubernetes.informer.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * A {@link FunctionCatalog} on {@code Function} custom resources, read through an informer (list
 * and watch, no polling). Status is written through the status subresource, so a status write never
 * touches the spec.
 *
 * <p>The catalog holds the last valid version of each function: a resource whose spec the validator
 * rejects (written with kubectl past the CRD's schema) is not passed on, so the data path and the
 * autoscaler keep the last good spec; the controller reports the problems as {@code
 * SpecValid=False}.
 */
public final class KubernetesFunctionCatalog implements FunctionCatalog, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubernetesFunctionCatalog.class);

  /** Tries of a put that keeps meeting concurrent writes (409) before it gives up. */
  private static final int MAX_PUT_ATTEMPTS = 5;

  private final KubernetesClient client;
  private final KubernetesBackendConfig config;
  private final TreeMap<FunctionKey, Function> accepted = new TreeMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final OrderedDelivery delivery = new OrderedDelivery("zeroscale-k8s-catalog-events");
  private final StatusSubresource statusWriter;
  private SharedIndexInformer<FunctionResource> informer;

  public KubernetesFunctionCatalog(KubernetesClient client, KubernetesBackendConfig config) {
    this.client = client;
    this.config = config;
    this.statusWriter = new StatusSubresource(client);
  }

  /** Lists the functions and starts watching them; returns once the first list is in. */
  public KubernetesFunctionCatalog start() {
    ResourceEvents<FunctionResource> events = new ResourceEvents<>(this::upserted, this::deleted);
    informer =
        CrdInstalled.require(
            () -> Scope.of(client.resources(FunctionResource.class), config).inform(events));
    // inform() returns once the cache is synced, but its handlers run later on their own thread:
    // take the cache now so that list() is complete when start() returns (later adds are no-ops).
    informer.getStore().list().forEach(this::upserted);
    LOG.infof(
        "catalog started namespace=%s functions=%d", config.namespace().orElse("*"), list().size());
    return this;
  }

  @Override
  public synchronized List<Function> list() {
    return List.copyOf(accepted.values());
  }

  @Override
  public synchronized Optional<Function> get(FunctionKey key) {
    return Optional.ofNullable(accepted.get(key));
  }

  @Override
  public Function put(Function function) {
    List<FieldError> problems = KubernetesFunctionRules.check(function);
    if (!problems.isEmpty()) {
      throw new InvalidFunctionException(problems);
    }
    Function incoming = function.withDefaults();
    return createOrReplace(FunctionResource.of(incoming)).toFunction().withDefaults();
  }

  /**
   * Creates the resource, or replaces its spec and labels with a PUT at the resource version just
   * read: a concurrent write (the controller's status, say) fails it with 409 instead of being
   * lost, and it is read again and retried.
   */
  private FunctionResource createOrReplace(FunctionResource wanted) {
    FunctionKey key = wanted.key();
    var resources = client.resources(FunctionResource.class).inNamespace(key.namespace());
    for (int attempt = 1; ; attempt++) {
      FunctionResource existing = resources.withName(key.name()).get();
      try {
        FunctionResource stored;
        if (existing == null) {
          stored = resources.resource(wanted).create();
        } else {
          existing.setSpec(wanted.getSpec());
          existing.getMetadata().setLabels(wanted.getMetadata().getLabels());
          stored = resources.resource(existing).update();
        }
        LOG.infof(
            "function stored function=%s generation=%s created=%s",
            key, stored.getMetadata().getGeneration(), existing == null);
        return stored;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == MAX_PUT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public boolean delete(FunctionKey key) {
    boolean deleted =
        !client
            .resources(FunctionResource.class)
            .inNamespace(key.namespace())
            .withName(key.name())
            .delete()
            .isEmpty();
    if (deleted) {
      LOG.infof("function deleted function=%s", key);
    }
    return deleted;
  }

  @Override
  public void updateStatus(FunctionKey key, FunctionStatus status) {
    // Skipped when the cache already shows it; a function the cache has not seen yet (just
    // created) is patched anyway, and one that is gone answers 404, which is ignored.
    if (get(key).map(f -> Objects.equals(f.status(), status)).orElse(false)) {
      return;
    }
    FunctionResource seen =
        informer == null ? null : informer.getStore().getByKey(key.namespace() + "/" + key.name());
    if (!statusWriter.replace(key, status, seen)) {
      LOG.debugf("status not written, function is gone function=%s", key);
    }
  }

  @Override
  public AutoCloseable watch(Listener listener) {
    synchronized (this) {
      // Replay and registration are queued together, so no change falls between them.
      List<Function> replay = List.copyOf(accepted.values());
      return delivery.subscribe(listeners, listener, () -> replay.forEach(listener::onUpsert));
    }
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    delivery.close();
  }

  private void upserted(FunctionResource resource) {
    Function function = resource.toFunction();
    List<FieldError> errors = FunctionValidator.validate(function);
    if (!errors.isEmpty()) {
      LOG.debugf(
          "invalid function not passed on function=%s generation=%s errors=%d",
          resource.key(), resource.getMetadata().getGeneration(), errors.size());
      return;
    }
    Function stored = function.withDefaults();
    synchronized (this) {
      Function previous = accepted.put(stored.key(), stored);
      if (!stored.equals(previous)) {
        delivery.submit(() -> listeners.forEach(l -> l.onUpsert(stored)));
      }
    }
  }

  private void deleted(FunctionResource resource) {
    FunctionKey key = resource.key();
    synchronized (this) {
      if (accepted.remove(key) != null) {
        delivery.submit(() -> listeners.forEach(l -> l.onDelete(key)));
      }
    }
  }
}
