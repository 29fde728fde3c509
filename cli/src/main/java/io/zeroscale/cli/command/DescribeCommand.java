package io.zeroscale.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
import picocli.CommandLine.Command;

@Command(
    name = "describe",
    description = "Show a function's spec, status and replicas.",
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
}
