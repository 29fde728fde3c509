package io.zeroscale.cli.command;

import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.template.ProjectTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Creates a Java function project on function-runtime: build it, deploy it, two commands. */
@Command(
    name = "new",
    description = {
      "Create a Java function project: a handler, tests, a Dockerfile and zeroscale.yaml.",
      "",
      "Then: cd NAME && ./mvnw -B package, and zeroscale deploy -f NAME/zeroscale.yaml."
    },
    mixinStandardHelpOptions = true)
class NewCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "The function's name (a DNS label).")
  String name;

  @Option(
      names = "--dir",
      defaultValue = ".",
      description = "Where to create the NAME directory (default: current directory).")
  Path parent;

  @Option(
      names = "--group",
      defaultValue = "com.example",
      description = "Maven groupId and Java package prefix (default ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--home",
      defaultValue = "${ZEROSCALE_HOME:-.}",
      description = "The zeroscale checkout whose Maven wrapper is copied (env ZEROSCALE_HOME).")
  Path home;

  @Override
  public Integer call() {
    try {
      ProjectTemplate template = template();
      Path dir = parent.resolve(name).toAbsolutePath().normalize();
      if (Files.exists(dir)) {
        throw new CliException(dir + " already exists; pick another NAME or --dir");
      }
      List<Path> files = template.writeTo(dir, home);
      printNextSteps(dir, files);
      return 0;
    } catch (CliException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println("error: cannot write the project: " + e.getMessage());
      return 1;
    }
  }

  private ProjectTemplate template() {
    try {
      return new ProjectTemplate(name, group);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private void printNextSteps(Path dir, List<Path> files) {
    StringBuilder sb = new StringBuilder("created ").append(dir).append('\n');
    files.forEach(f -> sb.append("  ").append(f).append('\n'));
    boolean wrapper = files.contains(Path.of("mvnw"));
    sb.append("\nbuild:   cd ")
        .append(dir)
        .append(" && ")
        .append(wrapper ? "./mvnw" : "mvn")
        .append(" -B package\n")
        .append("deploy:  zeroscale deploy -f ")
        .append(dir.resolve("zeroscale.yaml"))
        .append("\ncall:    zeroscale invoke ")
        .append(name)
        .append('\n');
    System.out.print(sb);
  }
}
