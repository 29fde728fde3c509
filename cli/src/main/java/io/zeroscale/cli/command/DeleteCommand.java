package io.zeroscale.cli.command;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import picocli.CommandLine.Command;

@Command(
    name = "delete",
    description = "Delete a function and stop its replicas (in-flight requests finish first).",
    mixinStandardHelpOptions = true)
class DeleteCommand extends FunctionCommand {

  @Override
  int run(ControlClient client) {
    FunctionKey key = key();
    client.delete(key);
    System.out.println("function " + key + " deleted");
    return 0;
  }

  /** Deletes the resource; Kubernetes' garbage collector removes its Deployment and Service. */
  @Override
  int runOnCluster(ClusterFunctions cluster) {
    FunctionKey key = key();
    cluster.delete(key);
    System.out.println(
        "function " + key + " deleted (its Deployment and Service go with it: owner references)");
    return 0;
  }
}
