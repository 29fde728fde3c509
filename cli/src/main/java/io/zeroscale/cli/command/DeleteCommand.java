package io.zeroscale.cli.command;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.ControlClient;
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
}
