package io.zeroscale.cli.command;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = "Delete a function and stop its replicas (in-flight requests finish first).",
    mixinStandardHelpOptions = true)
class DeleteCommand extends ClientCommand {

  @Parameters(paramLabel = "NAME", description = "Function name, or NAMESPACE/NAME.")
  String name;

  @Override
  int run(ControlClient client) {
    FunctionKey key = key(name);
    client.delete(key);
    System.out.println("function " + key + " deleted");
    return 0;
  }
}
