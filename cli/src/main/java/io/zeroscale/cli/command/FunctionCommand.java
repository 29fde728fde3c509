package io.zeroscale.cli.command;

import io.zeroscale.api.function.FunctionKey;
import picocli.CommandLine.Parameters;

/** A client command about one function, named by its first argument. */
abstract class FunctionCommand extends ClientCommand {

  @Parameters(paramLabel = "NAME", description = "Function name, or NAMESPACE/NAME.")
  String name;

  /** NAME in the command's namespace, or an explicit NAMESPACE/NAME. */
  FunctionKey key() {
    return name.contains("/") ? FunctionKey.parse(name) : FunctionKey.of(namespace, name);
  }
}
