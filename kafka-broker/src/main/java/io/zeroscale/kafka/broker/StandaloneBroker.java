package io.zeroscale.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A single-node KRaft broker on a fixed port with its data in a folder that survives restarts: the
 * development broker {@code zeroscale up} starts for the Kafka examples. It is Kafka's own server
 * ({@code kafka.Kafka}) with a generated {@code server.properties}, formatted once with Kafka's
 * {@code StorageTool}, as the Kafka quick start does. Topics are created on first use with 6
 * partitions.
 */
final class StandaloneBroker {

  private StandaloneBroker() {}

  /** Formats {@code dataDir} on first use, then runs the broker in this thread until stopped. */
  static void run(int port, Path dataDir) throws IOException {
    Path logs = dataDir.resolve("logs").toAbsolutePath();
    Path properties = dataDir.resolve("server.properties").toAbsolutePath();
    Files.createDirectories(logs);
    Files.writeString(properties, serverProperties(port, port + 1, logs));
    if (!Files.exists(logs.resolve("meta.properties"))) {
      format(properties);
    }
    System.out.println("bootstrap.servers=127.0.0.1:" + port);
    System.out.flush();
    kafka.Kafka.main(new String[] {properties.toString()});
  }

  private static void format(Path properties) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
    int code =
        kafka.tools.StorageTool.execute(
            new String[] {"format", "-t", clusterId, "-c", properties.toString(), "--standalone"},
            new PrintStream(out, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new UncheckedIOException(
          new IOException(
              "formatting the broker's storage failed (cluster "
                  + clusterId
                  + "): "
                  + out.toString(StandardCharsets.UTF_8)));
    }
  }

  private static String serverProperties(int port, int controllerPort, Path logs) {
    return String.join(
            "\n",
            List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:"
                    + port
                    + ",CONTROLLER://127.0.0.1:"
                    + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24"))
        + "\n";
  }
}
