package io.zeroscale.cli.command;

import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import io.zeroscale.cli.cluster.ClusterTarget;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A command that talks to a running platform through its control API or, with {@code --kubernetes},
 * to the {@code Function} resources of a cluster: shared options, and errors printed, not thrown.
 */
abstract class ClientCommand implements Callable<Integer> {

  @Option(
      names = "--server",
      defaultValue = "${ZEROSCALE_SERVER:-http://localhost:8081}",
      description = "Control API of the platform (env ZEROSCALE_SERVER; default ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = {"-n", "--namespace"},
      description =
          "Namespace of the function (default: 'default'; with --kubernetes, the context's).")
  String namespace;

  @Option(
      names = {"-k", "--kubernetes"},
      defaultValue = "${ZEROSCALE_KUBERNETES:-false}",
      description =
          "Work on the Function resources of a cluster through a kubeconfig context instead of"
              + " the control API (env ZEROSCALE_KUBERNETES=true).")
  boolean kubernetes;

  /** Whether {@code -n} was given (before {@link #namespace} gets its default). */
  boolean namespaceGiven;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Kubeconfig context to use (implies --kubernetes; default the current one).")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig file (implies --kubernetes; default $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Override
  public final Integer call() {
    try {
      namespaceGiven = namespace != null;
      checkInput();
      if (onCluster()) {
        try (ClusterFunctions cluster =
            ClusterFunctions.connect(new ClusterTarget(kubeconfig, context), namespace)) {
          if (namespace == null) {
            namespace = cluster.defaultNamespace();
          }
          return runOnCluster(cluster);
        }
      }
      if (namespace == null) {
        namespace = "default";
      }
      return run(new ControlClient(server));
    } catch (CliException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** True when the command works on a cluster: {@code --kubernetes}, a context or a kubeconfig. */
  final boolean onCluster() {
    return kubernetes || context != null || kubeconfig != null;
  }

  /** Checks what the user gave before any call, so that bad input never reaches a server. */
  void checkInput() {}

  abstract int run(ControlClient client);

  /** The same command on a cluster's {@code Function} resources. */
  abstract int runOnCluster(ClusterFunctions cluster);
}
