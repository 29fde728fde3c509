package io.zeroscale.cli.command;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list",
    aliases = "ls",
    description = "List functions with their ready and desired replicas.",
    mixinStandardHelpOptions = true)
class ListCommand extends ClientCommand {

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List functions of every namespace.")
  boolean allNamespaces;

  @Override
  int run(ControlClient client) {
    return print(client.list(allNamespaces ? null : namespace), "");
  }

  @Override
  int runOnCluster(ClusterFunctions cluster) {
    return print(cluster.list(allNamespaces ? null : namespace), " --kubernetes");
  }

  private int print(List<Function> functions, String flag) {
    if (functions.isEmpty()) {
      System.out.println("no functions; deploy one with: zeroscale deploy" + flag + " -f FILE");
      return 0;
    }
    Table table = new Table("NAMESPACE", "NAME", "READY", "DESIRED", "STATUS", "URL");
    for (Function f : functions) {
      FunctionStatus s = f.status() == null ? FunctionStatus.empty() : f.status();
      table.row(
          f.key().namespace(),
          f.key().name(),
          s.readyReplicas(),
          s.replicas(),
          summary(s),
          s.url());
    }
    System.out.print(table.render());
    return 0;
  }

  static String summary(FunctionStatus status) {
    if (status.conditions() == null) {
      return "Pending";
    }
    for (Condition c : status.conditions()) {
      if (Condition.READY.equals(c.type()) && !c.isTrue()) {
        return c.reason();
      }
    }
    for (Condition c : status.conditions()) {
      if (Condition.READY.equals(c.type())) {
        return c.reason();
      }
    }
    return "Pending";
  }
}
