package io.zeroscale.kubernetes.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Creates or updates a function's Service and Deployment. Each object carries a hash of what
 * zeroscale wants in it; an object whose hash matches is left alone (re-running is free and changes
 * nothing, whatever defaults the API server added), one whose hash differs gets exactly the fields
 * zeroscale owns patched. {@code spec.replicas} of an existing Deployment is never written: only
 * the scale subresource sets it.
 */
public final class FunctionWorkload {

  /** Annotation holding the hash of the wanted state. */
  public static final String SPEC_HASH = "zeroscale.io/spec-hash";

  /** Tries of an edit that keeps meeting concurrent writes before the reconcile fails. */
  private static final int MAX_EDIT_ATTEMPTS = 5;

  private static final Logger LOG = Logger.getLogger(FunctionWorkload.class);

  private final KubernetesClient client;
  private final WorkloadTemplates templates;

  public FunctionWorkload(KubernetesClient client, WorkloadTemplates templates) {
    this.client = client;
    this.templates = templates;
  }

  /** The owner reference that makes Kubernetes delete an object with its {@code Function}. */
  public static OwnerReference ownerOf(FunctionResource function) {
    return new OwnerReferenceBuilder()
        .withApiVersion(function.getApiVersion())
        .withKind(function.getKind())
        .withName(function.getMetadata().getName())
        .withUid(function.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Creates the Service or brings it to the wanted state; returns it as stored. */
  public Service applyService(Function function, OwnerReference owner) {
    FunctionKey key = function.key();
    Service wanted = templates.service(function, owner);
    String hash = annotate(wanted);
    var services = client.services().inNamespace(key.namespace());
    Service existing = services.withName(key.name()).get();
    if (existing == null) {
      Service created =
          createOrGet(() -> services.resource(wanted).create(), services.withName(key.name())::get);
      LOG.infof("service created function=%s", key);
      return created;
    }
    if (hash.equals(hashOf(existing))) {
      return existing;
    }
    Service updated =
        onConflictRetry(
            () -> services.withName(key.name()).edit(s -> ownedFields(s, wanted, hash)));
    LOG.infof("service updated function=%s", key);
    return updated;
  }

  /**
   * Creates the Deployment with {@code initialReplicas}, or brings its pod template, labels and
   * strategy to the wanted state (a changed template rolls the pods), keeping its replica count.
   * Returns it as stored.
   */
  public Deployment applyDeployment(Function function, OwnerReference owner, int initialReplicas) {
    FunctionKey key = function.key();
    Deployment wanted = templates.deployment(function, owner, initialReplicas);
    String hash = annotate(wanted);
    var deployments = client.apps().deployments().inNamespace(key.namespace());
    Deployment existing = deployments.withName(key.name()).get();
    if (existing == null) {
      Deployment created =
          createOrGet(
              () -> deployments.resource(wanted).create(), deployments.withName(key.name())::get);
      LOG.infof(
          "deployment created function=%s image=%s replicas=%d",
          key, function.spec().image(), initialReplicas);
      return created;
    }
    if (hash.equals(hashOf(existing))) {
      return existing;
    }
    Deployment updated =
        onConflictRetry(
            () -> deployments.withName(key.name()).edit(d -> ownedFields(d, wanted, hash)));
    LOG.infof(
        "deployment updated function=%s image=%s replicas=%s (kept)",
        key, function.spec().image(), updated.getSpec().getReplicas());
    return updated;
  }

  /** Sets the fields zeroscale owns in a Service; the rest (cluster IP, defaults) stays. */
  private static Service ownedFields(Service s, Service wanted, String hash) {
    s.getMetadata().setLabels(wanted.getMetadata().getLabels());
    annotations(s).put(SPEC_HASH, hash);
    s.getMetadata().setOwnerReferences(wanted.getMetadata().getOwnerReferences());
    s.getSpec().setSelector(wanted.getSpec().getSelector());
    s.getSpec().setPorts(wanted.getSpec().getPorts());
    return s;
  }

  /**
   * Sets the fields zeroscale owns in a Deployment; {@code spec.replicas} (the autoscaler's,
   * through the scale subresource) and the immutable selector stay.
   */
  private static Deployment ownedFields(Deployment d, Deployment wanted, String hash) {
    d.getMetadata().setLabels(wanted.getMetadata().getLabels());
    annotations(d).put(SPEC_HASH, hash);
    d.getMetadata().setOwnerReferences(wanted.getMetadata().getOwnerReferences());
    d.getSpec().setTemplate(wanted.getSpec().getTemplate());
    d.getSpec().setStrategy(wanted.getSpec().getStrategy());
    d.getSpec().setRevisionHistoryLimit(wanted.getSpec().getRevisionHistoryLimit());
    return d;
  }

  /**
   * Hashes what zeroscale wants in the object (replicas left out), stores it as an annotation and
   * returns it.
   */
  private String annotate(HasMetadata wanted) {
    Integer replicas = null;
    if (wanted instanceof Deployment d) {
      replicas = d.getSpec().getReplicas();
      d.getSpec().setReplicas(null);
    }
    String hash = sha256(client.getKubernetesSerialization().asJson(wanted));
    if (wanted instanceof Deployment d) {
      d.getSpec().setReplicas(replicas);
    }
    annotations(wanted).put(SPEC_HASH, hash);
    return hash;
  }

  private static Map<String, String> annotations(HasMetadata object) {
    if (object.getMetadata().getAnnotations() == null) {
      object.getMetadata().setAnnotations(new LinkedHashMap<>());
    }
    return object.getMetadata().getAnnotations();
  }

  private static String hashOf(HasMetadata existing) {
    var annotations = existing.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(SPEC_HASH);
  }

  /**
   * Runs an edit (a read, then a patch at the version read) again when another writer changed the
   * object in between (409): the Deployment controller updates status and the autoscaler scales all
   * the time, and a patch of the template must not wait for the queue's back-off because of it.
   */
  private static <T> T onConflictRetry(Supplier<T> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return edit.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == MAX_EDIT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Creates; if another writer created it first (409), reads theirs. */
  private static <T> T createOrGet(Supplier<T> create, Supplier<T> get) {
    try {
      return create.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      return get.get();
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
