package io.zeroscale.cli.cluster;

import java.nio.file.Path;

/**
 * Which cluster to talk to.
 *
 * @param kubeconfig the kubeconfig file; null reads {@code $KUBECONFIG} or {@code ~/.kube/config}
 *     as kubectl does
 * @param context the kubeconfig context; null takes its current context
 */
public record ClusterTarget(Path kubeconfig, String context) {

  /** How the target is named in messages. */
  String describe() {
    return (context == null ? "the current context" : "context " + context)
        + " of "
        + (kubeconfig == null ? "the default kubeconfig" : kubeconfig.toString());
  }
}
