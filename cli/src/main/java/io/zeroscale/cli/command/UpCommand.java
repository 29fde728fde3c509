package io.zeroscale.cli.command;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.kafka.DevKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the platform (all roles, local backend) in the foreground, waits until it is ready,
 * deploys the examples and prints where to call them. Ctrl-C stops the platform and its replicas.
 */
@Command(
    name = "up",
    description = {
      "Start the platform here, with the examples deployed.",
      "",
      "Runs in the foreground (local backend, all roles), waits until it is ready, deploys",
      "examples/*/function.yaml and prints the URLs to call. Ctrl-C stops it and every replica.",
      "",
      "For the Kafka-triggered examples it first starts a real Kafka broker (KRaft, one node) on",
      "127.0.0.1:--kafka-port, or uses the one already listening there; --no-kafka skips both."
    },
    mixinStandardHelpOptions = true)
class UpCommand implements Callable<Integer> {

  @Option(
      names = "--home",
      defaultValue = "${ZEROSCALE_HOME:-.}",
      description = "The zeroscale checkout (env ZEROSCALE_HOME; default: current directory).")
  Path home;

  @Option(
      names = "--data-dir",
      defaultValue = ".zeroscale",
      description =
          "Where functions, desired scale and replica logs are kept (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--router-port",
      defaultValue = "8080",
      description = "Port that serves function calls (default ${DEFAULT-VALUE}).")
  int routerPort;

  @Option(
      names = "--control-port",
      defaultValue = "8081",
      description = "Port of the control API, /q/metrics and /q/health (default ${DEFAULT-VALUE}).")
  int controlPort;

  @Option(names = "--no-examples", description = "Do not deploy the example functions.")
  boolean noExamples;

  @Option(
      names = "--no-kafka",
      description = "Start no Kafka broker; Kafka-triggered examples are not deployed.")
  boolean noKafka;

  @Option(
      names = "--kafka-port",
      defaultValue = "9092",
      description =
          "Port of the development Kafka broker, or of your own (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--ready-timeout",
      defaultValue = "90",
      description = "Seconds to wait for the platform to become ready (default ${DEFAULT-VALUE}).")
  int readyTimeoutSeconds;

  @Override
  public Integer call() {
    DevKafkaBroker kafka = null;
    try {
      Path jar = platformJar();
      requireFree(controlPort, "--control-port");
      requireFree(routerPort, "--router-port");
      Path data = home.resolve(dataDir).toAbsolutePath().normalize();
      kafka =
          noKafka ? null : DevKafkaBroker.startOrReuse(home, data, kafkaPort, readyTimeoutSeconds);
      Process platform = start(jar, data);
      DevKafkaBroker broker = kafka;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stop(platform);
                    if (broker != null) {
                      broker.close();
                    }
                  }));
      ControlClient client = new ControlClient("http://localhost:" + controlPort);
      awaitReady(platform, client);
      List<Function> deployed = noExamples ? List.of() : deployExamples(client, kafka);
      printWelcome(client, deployed);
      return platform.waitFor();
    } catch (CliException e) {
      System.err.println("error: " + e.getMessage());
      if (kafka != null) {
        kafka.close();
      }
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  private Path platformJar() {
    Path jar = home.resolve("platform/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new CliException(
          "the platform is not built ("
              + jar
              + " is missing); build it with './mvnw -B -DskipTests package' in "
              + home.toAbsolutePath().normalize()
              + ", or run ./zeroscale which does that on first use");
    }
    return jar;
  }

  private static void requireFree(int port, String option) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new CliException(
          "port "
              + port
              + " is in use: is a platform already running ('zeroscale list')? Otherwise pick"
              + " another with "
              + option);
    }
  }

  private Process start(Path jar, Path data) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Dquarkus.http.port=" + controlPort);
    command.add("-Dzeroscale.router.port=" + routerPort);
    command.add("-Dzeroscale.data-dir=" + data);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    try {
      return new ProcessBuilder(command).directory(home.toFile()).inheritIO().start();
    } catch (IOException e) {
      throw new CliException("cannot start the platform with " + command + ": " + e.getMessage());
    }
  }

  private void awaitReady(Process platform, ControlClient client) throws InterruptedException {
    System.err.print("starting the zeroscale platform ");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readyTimeoutSeconds);
    while (!client.ready()) {
      if (!platform.isAlive()) {
        throw new CliException(
            "the platform exited with code "
                + platform.exitValue()
                + " before it was ready (see above)");
      }
      if (System.nanoTime() > deadline) {
        platform.destroy();
        throw new CliException(
            "the platform was not ready after " + readyTimeoutSeconds + " s (see its log above)");
      }
      System.err.print(".");
      Thread.sleep(250);
    }
    System.err.println(" ready");
  }

  private List<Function> deployExamples(ControlClient client, DevKafkaBroker kafka) {
    List<Function> deployed = new ArrayList<>();
    Path examples = home.resolve("examples");
    try (Stream<Path> specs = Files.list(examples)) {
      for (Path spec :
          specs
              .map(d -> d.resolve("function.yaml"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        String text = Files.readString(spec);
        Function function = FunctionCodec.read(text);
        if (function.spec() != null && function.spec().kafkaTrigger() != null) {
          if (kafka == null) {
            System.err.println(
                "not deploying " + home.relativize(spec) + ": it needs Kafka (started without it)");
            continue;
          }
          kafka.createTopics(function.spec().kafkaTrigger().topics());
        }
        deployed.add(client.apply(function.key(), text));
      }
    } catch (IOException e) {
      throw new CliException("cannot read the examples in " + examples + ": " + e.getMessage());
    }
    return deployed;
  }

  private void printWelcome(ControlClient client, List<Function> deployed) {
    String router = client.info().path("routerUrl").asText();
    StringBuilder sb = new StringBuilder();
    sb.append("\nzeroscale is up.\n");
    sb.append("  router (function calls):   ").append(router).append('\n');
    sb.append("  control API:               ")
        .append(client.server())
        .append("/api/v1/functions\n");
    sb.append("  metrics / health:          ")
        .append(client.server())
        .append("/q/metrics  ")
        .append(client.server())
        .append("/q/health\n");
    for (Function f : deployed) {
      if (f.spec().kafkaTrigger() != null) {
        sb.append(kafkaExample(f));
        continue;
      }
      sb.append("\n  ")
          .append(f.key())
          .append(" (at zero until called):\n    curl ")
          .append(router)
          .append("/fn/")
          .append(f.key().namespace())
          .append('/')
          .append(f.key().name())
          .append("/\n");
    }
    sb.append("\nIn another shell: ./zeroscale list | describe NAME | invoke NAME | logs NAME\n");
    sb.append("Ctrl-C stops the platform and every replica.\n");
    System.err.println(sb);
  }

  private static void stop(Process platform) {
    if (platform.isAlive()) {
      platform.destroy();
      try {
        if (!platform.waitFor(45, TimeUnit.SECONDS)) {
          platform.destroyForcibly();
        }
      } catch (InterruptedException e) {
        platform.destroyForcibly();
      }
    }
  }

  /** How to wake a Kafka-triggered example: write to its topic, read what it wrote. */
  private static String kafkaExample(Function f) {
    String topic = f.spec().kafkaTrigger().topics().get(0);
    // An example names the topic it writes to in a *_OUTPUT_TOPIC variable.
    String output =
        f.spec().env() == null
            ? null
            : f.spec().env().entrySet().stream()
                .filter(e -> e.getKey().endsWith("_OUTPUT_TOPIC"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    StringBuilder sb = new StringBuilder();
    sb.append("\n  ")
        .append(f.key())
        .append(" (at zero until records arrive on '")
        .append(topic)
        .append("'):\n    ./zeroscale kafka produce ")
        .append(topic)
        .append(" 'to be or not to be' 'hello world'\n");
    if (output != null) {
      sb.append("    ./zeroscale kafka consume ").append(output).append('\n');
    }
    return sb.toString();
  }
}
