package io.zeroscale.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "describe",
    description = "Show a function's spec, status and replicas (pods with --kubernetes).",
    mixinStandardHelpOptions = true)
class DescribeCommand extends FunctionCommand {

  @Override
  int run(ControlClient client) {
    FunctionKey key = key();
    Function function = client.get(key);
    System.out.print(FunctionCodec.toYaml(function));
    JsonNode replicas = client.replicas(key);
    System.out.println("replicas:");
    if (replicas.isEmpty()) {
      System.out.println("  none (scaled to zero; the next request wakes one)");
      return 0;
    }
    Table table = new Table("  ID", "STATE", "PID", "ADDRESS", "STARTED", "STARTUP");
    for (JsonNode r : replicas) {
      table.row(
          "  " + r.path("id").asText(),
          r.path("state").asText(),
          r.path("pid").asText("-"),
          r.path("address").asText("-"),
          r.path("startedAt").asText("-"),
          r.hasNonNull("startupMillis") ? r.get("startupMillis").asLong() + " ms" : "-");
    }
    System.out.print(table.render());
    return 0;
  }

  /**
   * The resource as stored, its conditions as a table, and its pods (label zeroscale.io/function).
   */
  @Override
  int runOnCluster(ClusterFunctions cluster) {
    FunctionKey key = key();
    Function function = cluster.get(key);
    System.out.print(FunctionCodec.toYaml(function));
    List<Condition> conditions =
        function.status() == null || function.status().conditions() == null
            ? List.of()
            : function.status().conditions();
    System.out.println("conditions:");
    if (conditions.isEmpty()) {
      System.out.println("  none yet (has the zeroscale controller seen it? is it running?)");
    } else {
      Table table = new Table("  TYPE", "STATUS", "REASON", "SINCE", "MESSAGE");
      for (Condition c : conditions) {
        table.row("  " + c.type(), c.status(), c.reason(), c.lastTransitionTime(), c.message());
      }
      System.out.print(table.render());
    }
    printPods(cluster.pods(key));
    return 0;
  }

  private static void printPods(List<Pod> pods) {
    System.out.println("pods:");
    if (pods.isEmpty()) {
      System.out.println("  none (scaled to zero; the next request wakes one)");
      return;
    }
    Table table = new Table("  NAME", "PHASE", "READY", "RESTARTS", "IP", "STARTED");
    for (Pod pod : pods) {
      PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
      List<ContainerStatus> containers = status.getContainerStatuses();
      long ready = containers.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
      int restarts =
          containers.stream()
              .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
              .sum();
      int declared =
          pod.getSpec() == null ? containers.size() : pod.getSpec().getContainers().size();
      table.row(
          "  " + pod.getMetadata().getName(),
          status.getPhase(),
          ready + "/" + Math.max(declared, containers.size()),
          restarts,
          status.getPodIP(),
          status.getStartTime());
    }
    System.out.print(table.render());
  }
}
