package io.zeroscale.loadtest.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real single-node KRaft Kafka broker in a child JVM: {@code
 * io.zeroscale.kafka.broker.KafkaBroker} (module {@code kafka-broker}) run on this benchmark's own
 * classpath, its output in a log file. It is ready once it printed {@code
 * bootstrap.servers=host:port}; {@link #close} stops it (its data lives in a temporary folder the
 * broker removes itself).
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  static final String MAIN_CLASS = "io.zeroscale.kafka.broker.KafkaBroker";
  private static final String READY_PREFIX = "bootstrap.servers=";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final String bootstrapServers;

  private KafkaBrokerProcess(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts the broker and waits (up to 60 s) until it accepts clients. */
  public static KafkaBrokerProcess start(Path logFile) throws IOException, InterruptedException {
    Files.createDirectories(logFile.getParent());
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.path());
    // The broker holds the benchmark's topics (about 100 MB for a full run) in its page cache
    // and log files, not on the heap; 1 GiB leaves room for the request buffers.
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(MAIN_CLASS);
    Process process =
        ChildProcesses.start(
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> servers = readyLine(logFile);
      if (servers.isPresent()) {
        return new KafkaBrokerProcess(process, servers.get());
      }
      if (!process.isAlive()) {
        ChildProcesses.stop(process, 1);
        throw new IllegalStateException(
            "the Kafka broker exited with " + process.exitValue() + "; see " + logFile);
      }
      Thread.sleep(100);
    }
    ChildProcesses.stop(process, 10);
    throw new IllegalStateException(
        "the Kafka broker was not ready within "
            + START_TIMEOUT.toSeconds()
            + " s; see "
            + logFile);
  }

  private static Optional<String> readyLine(Path logFile) throws IOException {
    if (!Files.isRegularFile(logFile)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(logFile)) {
      return lines
          .filter(l -> l.startsWith(READY_PREFIX))
          .map(l -> l.substring(READY_PREFIX.length()).trim())
          .findFirst();
    } catch (java.io.UncheckedIOException e) {
      // A line half-written while we read it: try again on the next poll.
      return Optional.empty();
    }
  }

  /**
   * This JVM's class path with every entry made absolute, so the child finds the same jars: under
   * {@code java -jar} it is the benchmark's jar, whose manifest names {@code lib/*}; under Surefire
   * a manifest-only jar listing the test class path.
   */
  static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** {@code host:port} for the clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, 20);
  }
}
