package io.zeroscale.example.wordcount;

import io.zeroscale.kafka.broker.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records/s of the packaged wordcount (1..n replicas as processes, outputs written) next to a raw
 * {@code KafkaConsumer} reading the same 6-partition topic of 100-byte records, on one broker
 * started here. Numbers for docs, not a test. Run from the repository root after {@code ./mvnw -pl
 * examples/wordcount install}:
 *
 * <pre>
 * cd examples/wordcount &amp;&amp; ../../mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   io.zeroscale.example.wordcount.ThroughputBench 2000000 1 3
 * </pre>
 *
 * Arguments: record count, then the replica counts to run (each run gets a fresh group).
 */
public final class ThroughputBench {

  private static final String LINES = "bench-lines";
  private static final int PARTITIONS = 6;

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the example first: " + jar.toAbsolutePath());
    }
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopics(
          List.of(
              new NewTopic(LINES, PARTITIONS, (short) 1),
              new NewTopic("bench-counts", PARTITIONS, (short) 1),
              new NewTopic("bench-dlq", 1, (short) 1)));
      produce(broker, records);
      System.out.printf("raw KafkaConsumer: %,.0f records/s%n", rawConsumer(broker, records));
      for (int i = 1; i < args.length; i++) {
        int replicas = Integer.parseInt(args[i]);
        System.out.printf(
            "wordcount x%d: %,.0f records/s%n",
            replicas, wordcount(broker, jar, records, replicas));
      }
    }
  }

  private static void produce(KafkaBroker broker, int records) throws Exception {
    byte[] value =
        ("the quick brown fox jumps over the lazy dog ".repeat(3))
            .substring(0, 100)
            .getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                "bootstrap.servers",
                broker.bootstrapServers(),
                "linger.ms",
                20,
                "batch.size",
                262144,
                "acks",
                "1"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(
            new ProducerRecord<>(LINES, ("k" + i).getBytes(StandardCharsets.UTF_8), value));
      }
      producer.flush();
    }
  }

  private static double rawConsumer(KafkaBroker broker, int records) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", "bench-raw",
                "auto.offset.reset", "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(LINES));
      long read = 0;
      long start = 0;
      while (read < records) {
        int n = consumer.poll(Duration.ofMillis(500)).count();
        if (n > 0 && start == 0) {
          start = System.nanoTime();
        }
        read += n;
      }
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** From the first committed offset to all committed, so the JVM's start is not counted. */
  private static double wordcount(KafkaBroker broker, Path jar, int records, int replicas)
      throws Exception {
    String group = "bench-wordcount-" + replicas;
    List<Process> processes = new ArrayList<>();
    try (Admin admin = broker.admin()) {
      for (int r = 0; r < replicas; r++) {
        ProcessBuilder pb = new ProcessBuilder(javaCommand(jar, r)).inheritIO();
        pb.environment()
            .putAll(
                Map.of(
                    "PORT",
                    "0",
                    "ZEROSCALE_FUNCTION",
                    "bench/wordcount",
                    "ZEROSCALE_REPLICA",
                    "wordcount-" + r,
                    "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS",
                    broker.bootstrapServers(),
                    "ZEROSCALE_KAFKA_TOPICS",
                    LINES,
                    "ZEROSCALE_KAFKA_GROUP_ID",
                    group,
                    "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC",
                    "bench-dlq",
                    "WORDCOUNT_OUTPUT_TOPIC",
                    "bench-counts"));
        processes.add(pb.start());
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      long start = 0;
      long base = 0;
      while (true) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("not all committed after 10 minutes");
        }
        Thread.sleep(100);
        long committed = committed(admin, group);
        if (start == 0 && committed > 0) {
          start = System.nanoTime();
          base = committed;
        }
        if (committed >= records) {
          return (records - base) / ((System.nanoTime() - start) / 1e9);
        }
      }
    } finally {
      processes.forEach(Process::destroy);
      for (Process p : processes) {
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** {@code java -jar}, with a flight recording per replica when {@code -Dbench.jfr=DIR} is set. */
  private static List<String> javaCommand(Path jar, int replica) {
    List<String> command = new ArrayList<>(List.of("java"));
    String jfr = System.getProperty("bench.jfr");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=filename=" + jfr + "/wordcount-" + replica + ".jfr");
    }
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static long committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
  }

  private ThroughputBench() {}
}
