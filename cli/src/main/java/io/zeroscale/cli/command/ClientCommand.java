package io.zeroscale.cli.command;

import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command that talks to a running platform: shared options, and errors printed, not thrown. */
abstract class ClientCommand implements Callable<Integer> {

  @Option(
      names = "--server",
      defaultValue = "${ZEROSCALE_SERVER:-http://localhost:8081}",
      description = "Control API of the platform (env ZEROSCALE_SERVER; default ${DEFAULT-VALUE}).")
  String server;

  @Option(
      names = {"-n", "--namespace"},
      defaultValue = "default",
      description = "Namespace of the function (default ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public final Integer call() {
    try {
      return run(new ControlClient(server));
    } catch (CliException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
  }

  abstract int run(ControlClient client);
}
