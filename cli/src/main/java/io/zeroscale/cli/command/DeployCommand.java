package io.zeroscale.cli.command;

import io.zeroscale.api.function.FieldError;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionValidator;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import io.zeroscale.cli.cluster.ClusterFunctions.Applied;
import io.zeroscale.kubernetes.crd.KubernetesFunctionRules;
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

  private String text;
  private Function function;

  /**
   * Read and checked before any call: with the validator's rules, and on a cluster with the
   * Kubernetes rules (the validator's plus an image).
   */
  @Override
  void checkInput() {
    text = readSpec();
    Function parsed = parse(text);
    List<FieldError> errors =
        onCluster() ? KubernetesFunctionRules.check(parsed) : FunctionValidator.validate(parsed);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    function = parsed;
  }

  @Override
  int run(ControlClient client) {
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

  /**
   * Stored with its defaults filled in, as the platform's catalog stores what it receives; a file
   * without {@code metadata.namespace} goes to {@code -n} or the context's namespace, as with
   * kubectl.
   */
  @Override
  int runOnCluster(ClusterFunctions cluster) {
    Applied applied = cluster.apply(inNamespace(function).withDefaults());
    Function stored = applied.function();
    System.out.printf(
        "function %s %s on %s (generation %d)%n",
        stored.key(),
        applied.outcome().name().toLowerCase(),
        cluster.server(),
        stored.metadata().generation());
    if (stored.status() != null && stored.status().url() != null) {
      System.out.println("call it:  curl " + stored.status().url());
    }
    System.out.println("watch it: zeroscale describe --kubernetes " + stored.key());
    return 0;
  }

  private Function inNamespace(Function parsed) {
    ObjectMeta meta = parsed.metadata();
    if (meta.namespace() == null) {
      return new Function(
          parsed.apiVersion(),
          parsed.kind(),
          new ObjectMeta(meta.name(), namespace, meta.generation(), meta.labels()),
          parsed.spec(),
          parsed.status());
    }
    if (namespaceGiven && !meta.namespace().equals(namespace)) {
      throw new CliException(
          file
              + " says metadata.namespace: "
              + meta.namespace()
              + " but -n says "
              + namespace
              + ": drop one of them");
    }
    return parsed;
  }

  private Function parse(String text) {
    try {
      return FunctionCodec.read(text);
    } catch (InvalidFunctionException e) {
      throw invalid(e.errors());
    }
  }

  private CliException invalid(List<FieldError> errors) {
    StringBuilder sb = new StringBuilder(file + " is not a valid function:");
    errors.forEach(err -> sb.append("\n  ").append(err));
    return new CliException(sb.toString());
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
