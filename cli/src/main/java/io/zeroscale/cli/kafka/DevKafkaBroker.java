package io.zeroscale.cli.kafka;

import io.zeroscale.cli.client.CliException;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Kafka broker {@code zeroscale up} runs for the Kafka-triggered examples: a real single-node
 * KRaft broker from the Apache Kafka jars ({@code kafka-broker} module), as a child process on
 * {@code 127.0.0.1:PORT} with its data under the platform's data directory. When something already
 * listens on that port it is taken to be the user's own broker and used as it is.
 */
public final class DevKafkaBroker implements AutoCloseable {

  private static final String MAIN = "io.zeroscale.kafka.broker.KafkaBroker";
  private static final int PARTITIONS = 6;

  private final String bootstrapServers;
  private final Process process;

  private DevKafkaBroker(String bootstrapServers, Process process) {
    this.bootstrapServers = bootstrapServers;
    this.process = process;
  }

  /** Starts the broker, or uses the one already listening on {@code port}. */
  public static DevKafkaBroker startOrReuse(Path home, Path dataDir, int port, int timeoutSeconds)
      throws InterruptedException {
    String address = "127.0.0.1:" + port;
    if (listening(port)) {
      System.err.println("using the Kafka broker already listening on " + address);
      return new DevKafkaBroker(address, null);
    }
    Path dir = dataDir.resolve("kafka");
    Process process = start(home, dir, port);
    System.err.print(
        "starting a Kafka broker on " + address + " (log: " + dir.resolve("broker.log") + ") ");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (!listening(port)) {
      if (!process.isAlive()) {
        throw new CliException(
            "the Kafka broker exited with code "
                + process.exitValue()
                + "; see "
                + dir.resolve("broker.log")
                + " (or start without it: zeroscale up --no-kafka)");
      }
      if (System.nanoTime() > deadline) {
        process.destroy();
        throw new CliException(
            "the Kafka broker did not listen on " + address + " after " + timeoutSeconds + " s");
      }
      System.err.print(".");
      Thread.sleep(250);
    }
    System.err.println(" ready");
    return new DevKafkaBroker(address, process);
  }

  /**
   * Creates the topics an example reads (6 partitions each) on a broker started here, so its
   * trigger is ready before the first record; a broker of the user's own is left as it is.
   */
  public void createTopics(Collection<String> topics) {
    if (process == null || topics.isEmpty()) {
      return;
    }
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (String topic : topics) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
              .all()
              .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            System.err.println(
                "could not create topic " + topic + ": " + e.getCause().getMessage());
          }
        } catch (TimeoutException e) {
          System.err.println("could not create topic " + topic + ": no answer in 15 s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** True when this broker was started here (not the user's own). */
  public boolean startedHere() {
    return process != null;
  }

  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Process start(Path home, Path dir, int port) {
    Path module = home.resolve("kafka-broker/target");
    Path classpathFile = module.resolve("runtime-classpath.txt");
    Path jar;
    try (Stream<Path> jars = Files.list(module)) {
      jar =
          jars.filter(p -> p.getFileName().toString().matches("zeroscale-kafka-broker-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IOException("no zeroscale-kafka-broker jar in " + module));
      String classpath = jar + File.pathSeparator + Files.readString(classpathFile).trim();
      Files.createDirectories(dir);
      String java = ProcessHandle.current().info().command().orElse("java");
      return new ProcessBuilder(
              List.of(
                  java,
                  "-Xmx512m",
                  "-cp",
                  classpath,
                  MAIN,
                  "--port",
                  Integer.toString(port),
                  "--data-dir",
                  dir.toAbsolutePath().toString()))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
          .start();
    } catch (IOException e) {
      throw new CliException(
          "cannot start the Kafka broker ("
              + e.getMessage()
              + "); build it with './mvnw -B -DskipTests install', or start without it:"
              + " zeroscale up --no-kafka");
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
