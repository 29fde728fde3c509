package io.zeroscale.cli.command;

import io.zeroscale.cli.client.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "logs",
    description = "Show the output of a function's replicas, each line prefixed by its replica.",
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
}
