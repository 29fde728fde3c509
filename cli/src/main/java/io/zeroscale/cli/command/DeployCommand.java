package io.zeroscale.cli.command;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "deploy",
    description = "Create or replace a function from a YAML or JSON file.",
    mixinStandardHelpOptions = true)
class DeployCommand extends ClientCommand {

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "Function spec (YAML or JSON); '-' reads standard input.")
  String file;

  @Override
  int run(ControlClient client) {
    String text = readSpec();
    Function function;
    try {
      function = FunctionCodec.read(text);
      List<FieldError> errors = FunctionValidator.validate(function);
      if (!errors.isEmpty()) {
        throw new InvalidFunctionException(errors);
      }
    } catch (InvalidFunctionException e) {
      StringBuilder sb = new StringBuilder(file + " is not a valid function:");
      e.errors().forEach(err -> sb.append("\n  ").append(err));
      throw new CliException(sb.toString());
    }
    Function stored = client.apply(function.key(), text);
    System.out.printf(
        "function %s deployed (generation %d)%n", stored.key(), stored.metadata().generation());
    if (stored.status() != null && stored.status().url() != null) {
      System.out.println("call it:  curl " + stored.status().url());
    } else {
      System.out.println("call it:  zeroscale invoke " + stored.key());
    }
    return 0;
  }

  private String readSpec() {
    try {
      return "-".equals(file)
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
