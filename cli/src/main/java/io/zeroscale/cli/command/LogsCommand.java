package io.zeroscale.cli.command;

import io.fabric8.kubernetes.api.model.Pod;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import io.zeroscale.cli.cluster.PodLogs;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "logs",
    description =
        "Show the output of a function's replicas (pods with --kubernetes), each line prefixed by"
            + " its replica.",
    mixinStandardHelpOptions = true)
class LogsCommand extends FunctionCommand {

  @Option(
      names = "--tail",
      defaultValue = "100",
      description = "Number of lines to show (default ${DEFAULT-VALUE}).")
  int tail;

  @Override
  int run(ControlClient client) {
    System.out.print(client.logs(key(), tail));
    return 0;
  }

  /** The last lines of each pod of the function, pod by pod, each line prefixed by its pod. */
  @Override
  int runOnCluster(ClusterFunctions cluster) {
    FunctionKey key = key();
    cluster.get(key);
    List<Pod> pods = cluster.pods(key);
    if (pods.isEmpty()) {
      System.out.println("no pods for " + key + " (scaled to zero; the next request wakes one)");
      return 0;
    }
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      System.out.print(PodLogs.prefixed(name, cluster.log(key.namespace(), name, tail)));
    }
    return 0;
  }
}
