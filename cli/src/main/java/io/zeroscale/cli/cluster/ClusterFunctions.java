package io.zeroscale.cli.cluster;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.CliException;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.crd.WorkloadLabels;
import io.zeroscale.kubernetes.reconcile.WorkloadTemplates;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The CLI's commands as calls on {@code Function} custom resources and their pods. Every command
 * first checks that the API server knows {@code functions.zeroscale.io} (a one-item list), so that
 * a missing CRD reads as such and not as "function not found".
 */
public final class ClusterFunctions implements AutoCloseable {

  /** What to install when the API server does not know Functions. */
  public static final String INSTALL_HINT = "install it with: kubectl apply -k manifests/";

  /** Tries of a replace that keeps meeting concurrent writes (409, the controller's status). */
  private static final int MAX_REPLACE_ATTEMPTS = 5;

  private final ClusterConnection connection;

  private ClusterFunctions(ClusterConnection connection) {
    this.connection = connection;
  }

  /** Connects to the target and checks that Functions are served in {@code namespace}. */
  public static ClusterFunctions connect(ClusterTarget target, String namespace) {
    ClusterConnection connection = ClusterConnection.open(target);
    ClusterFunctions functions = new ClusterFunctions(connection);
    try {
      functions.requireCrd(namespace == null ? connection.namespace() : namespace);
      return functions;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The namespace of the kubeconfig context, for commands not given {@code -n}. */
  public String defaultNamespace() {
    return connection.namespace();
  }

  public String server() {
    return connection.server();
  }

  private void requireCrd(String namespace) {
    try {
      resources().inNamespace(namespace).list(new ListOptionsBuilder().withLimit(1L).build());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        throw new CliException(
            "the API server at "
                + connection.server()
                + " does not know functions.zeroscale.io (the zeroscale CRD is not installed): "
                + INSTALL_HINT);
      }
      throw connection.explain("listing functions in namespace " + namespace, e);
    }
  }

  /** Creates the function's resource or replaces its spec and labels (status is kept). */
  public Applied apply(Function function) {
    FunctionKey key = function.key();
    FunctionResource wanted = FunctionResource.of(function);
    var named = resources().inNamespace(key.namespace()).withName(key.name());
    for (int attempt = 1; ; attempt++) {
      FunctionResource existing = connection.call("reading " + key, named::get);
      try {
        if (existing == null) {
          return new Applied(resources().resource(wanted).create().toFunction(), Outcome.CREATED);
        }
        if (Objects.equals(existing.getSpec(), wanted.getSpec())
            && Objects.equals(labels(existing), labels(wanted))) {
          return new Applied(existing.toFunction(), Outcome.UNCHANGED);
        }
        // A PUT at the resource version just read: a concurrent write fails it with 409 instead
        // of being lost; status is the status subresource's and is not touched by this PUT.
        existing.setSpec(wanted.getSpec());
        existing.getMetadata().setLabels(wanted.getMetadata().getLabels());
        return new Applied(resources().resource(existing).update().toFunction(), Outcome.UPDATED);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == MAX_REPLACE_ATTEMPTS) {
          throw connection.explain("writing " + key, e);
        }
      }
    }
  }

  private static Object labels(FunctionResource resource) {
    var labels = resource.getMetadata().getLabels();
    return labels == null || labels.isEmpty() ? null : labels;
  }

  /**
   * Functions of one namespace, or of all when {@code namespace} is null, by namespace and name.
   */
  public List<Function> list(String namespace) {
    List<FunctionResource> items =
        connection.call(
            "listing functions",
            () ->
                namespace == null
                    ? resources().inAnyNamespace().list().getItems()
                    : resources().inNamespace(namespace).list().getItems());
    return items.stream()
        .map(FunctionResource::toFunction)
        .sorted(Comparator.comparing(Function::key))
        .toList();
  }

  /** The function, or a {@link CliException} naming it when there is none. */
  public Function get(FunctionKey key) {
    FunctionResource resource =
        connection.call(
            "reading " + key,
            () -> resources().inNamespace(key.namespace()).withName(key.name()).get());
    if (resource == null) {
      throw notFound(key);
    }
    return resource.toFunction();
  }

  /** The pods of the function (label {@value WorkloadLabels#FUNCTION}), by name. */
  public List<Pod> pods(FunctionKey key) {
    return connection.call(
        "listing the pods of " + key,
        () ->
            connection
                .client()
                .pods()
                .inNamespace(key.namespace())
                .withLabel(WorkloadLabels.FUNCTION, key.name())
                .list()
                .getItems()
                .stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList());
  }

  /**
   * The last {@code tail} lines of the log of a pod's container {@value
   * WorkloadTemplates#CONTAINER} (named, so that an injected sidecar does not make the call
   * ambiguous).
   */
  public String log(String namespace, String pod, int tail) {
    return connection.call(
        "reading the log of pod " + pod,
        () ->
            connection
                .client()
                .pods()
                .inNamespace(namespace)
                .withName(pod)
                .inContainer(WorkloadTemplates.CONTAINER)
                .tailingLines(tail)
                .getLog());
  }

  /** Deletes the function's resource; its Deployment and Service go by their owner references. */
  public void delete(FunctionKey key) {
    boolean deleted =
        !connection
            .call(
                "deleting " + key,
                () -> resources().inNamespace(key.namespace()).withName(key.name()).delete())
            .isEmpty();
    if (!deleted) {
      throw notFound(key);
    }
  }

  private CliException notFound(FunctionKey key) {
    return new CliException(
        "function "
            + key
            + " not found on "
            + connection.server()
            + " (list them with: zeroscale list --kubernetes -A)");
  }

  private MixedOperation<
          FunctionResource, KubernetesResourceList<FunctionResource>, Resource<FunctionResource>>
      resources() {
    return connection.client().resources(FunctionResource.class);
  }

  @Override
  public void close() {
    connection.close();
  }

  /** What deploy did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** The stored function and what happened to it. */
  public record Applied(Function function, Outcome outcome) {}
}
