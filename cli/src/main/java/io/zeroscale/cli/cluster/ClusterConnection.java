package io.zeroscale.cli.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.zeroscale.cli.client.CliException;
import java.io.File;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Fabric8 client for one kubeconfig context, and the translation of the API server's failures
 * into messages that say what to fix (no kubeconfig, unknown context, unreachable server, the CRD
 * not installed, access denied).
 */
final class ClusterConnection implements AutoCloseable {

  /** The CLI fails fast: one attempt, a short connect timeout (Fabric8 retries 10 times). */
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private static final int REQUEST_TIMEOUT_MILLIS = 30_000;
  private static final String SERVICE_ACCOUNT_TOKEN =
      "/var/run/secrets/kubernetes.io/serviceaccount/token";

  private final KubernetesClient client;
  private final String server;
  private final String namespace;

  private ClusterConnection(Config config) {
    this.server = config.getMasterUrl().replaceAll("/+$", "");
    this.namespace = config.getNamespace() == null ? "default" : config.getNamespace();
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(config)
                    .withRequestRetryBackoffLimit(0)
                    .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
                    .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                    .build())
            .build();
  }

  static ClusterConnection open(ClusterTarget target) {
    return new ClusterConnection(config(target));
  }

  private static Config config(ClusterTarget target) {
    if (target.kubeconfig() != null) {
      File file = target.kubeconfig().toFile();
      if (!file.isFile()) {
        throw new CliException("kubeconfig " + target.kubeconfig() + " does not exist");
      }
      return checkContext(Config.fromKubeconfig(target.context(), file), target);
    }
    boolean anyKubeconfig =
        Config.getKubeconfigFilenames().stream().anyMatch(f -> Files.isRegularFile(Path.of(f)));
    if (!anyKubeconfig && !Files.isRegularFile(Path.of(SERVICE_ACCOUNT_TOKEN))) {
      throw new CliException(
          "no kubeconfig found (looked at "
              + String.join(", ", Config.getKubeconfigFilenames())
              + "): set KUBECONFIG or pass --kubeconfig FILE, or drop --kubernetes to use the"
              + " control API");
    }
    return checkContext(Config.autoConfigure(target.context()), target);
  }

  private static Config checkContext(Config config, ClusterTarget target) {
    List<NamedContext> contexts = config.getContexts();
    if (target.context() != null
        && contexts != null
        && contexts.stream().noneMatch(c -> target.context().equals(c.getName()))) {
      throw new CliException(
          "no context "
              + target.context()
              + " in the kubeconfig; it has: "
              + String.join(", ", contexts.stream().map(NamedContext::getName).sorted().toList()));
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new CliException("no API server for " + target.describe());
    }
    return config;
  }

  KubernetesClient client() {
    return client;
  }

  /** The namespace of the context (kubectl's default), else {@code default}. */
  String namespace() {
    return namespace;
  }

  String server() {
    return server;
  }

  /** Runs one API call; its failure becomes a {@link CliException} that says what to do. */
  <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw explain(what, e);
    }
  }

  CliException explain(String what, KubernetesClientException e) {
    if (unreachable(e)) {
      return new CliException(
          "cannot reach the Kubernetes API server at "
              + server
              + " ("
              + rootCause(e)
              + "): is the cluster up, and is the kubeconfig context the right one?");
    }
    return switch (e.getCode()) {
      case 401 -> new CliException(what + ": the API server refused our credentials (401)");
      case 403 -> new CliException(what + ": forbidden: " + message(e) + " (check your RBAC)");
      default -> new CliException(what + ": " + message(e));
    };
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String message(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage() + " (HTTP " + e.getCode() + ")";
    }
    return e.getMessage();
  }

  @Override
  public void close() {
    client.close();
  }
}
