package io.zeroscale.example.wordcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged example killed with SIGKILL mid-stream, then a second replica: no line is lost, and
 * every line counted twice lies at or after its partition's committed offset at the kill (the
 * uncommitted window), never before.
 */
class KillNineIT {

  private static final String LINES = "kill-lines";
  private static final String COUNTS = "kill-counts";
  private static final String GROUP = "kill-test";
  private static final int RECORDS = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Process> replicas = new ArrayList<>();

  @AfterEach
  void stopReplicas() {
    replicas.forEach(Process::destroyForcibly);
  }

  @Test
  void aReplicaKilledMidStreamLosesNothingAndDuplicatesOnlyItsUncommittedWindow() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopics(
        List.of(
            new NewTopic(LINES, 6, (short) 1),
            new NewTopic(COUNTS, 6, (short) 1),
            new NewTopic("kill-dlq", 1, (short) 1)));
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 10),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < RECORDS; i++) {
        producer.send(new ProducerRecord<>(LINES, "line-" + i, "one two three"));
      }
      producer.flush();
    }

    try (Admin admin = broker.admin()) {
      Process first = start(broker, "wordcount-a");
      await("wordcount-a commits some, not all")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> committed(admin).values().stream().mapToLong(Long::longValue).sum() > 0);
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Map<TopicPartition, Long> atKill = committed(admin);
      assertThat(atKill.values().stream().mapToLong(Long::longValue).sum())
          .as("killed before it finished")
          .isLessThan(RECORDS);

      start(broker, "wordcount-b");
      await("wordcount-b commits the rest")
          .atMost(Duration.ofSeconds(120))
          .until(
              () -> committed(admin).values().stream().mapToLong(Long::longValue).sum() == RECORDS);

      Map<String, List<JsonNode>> counts = new HashMap<>();
      for (ConsumerRecord<String, String> r : readAll(broker)) {
        counts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(JSON.readTree(r.value()));
      }
      assertThat(counts).as("a count for every line").hasSize(RECORDS);
      long duplicated = counts.values().stream().filter(same -> same.size() > 1).count();
      System.out.printf(
          "killed at %d committed of %d; %d lines counted twice%n",
          atKill.values().stream().mapToLong(Long::longValue).sum(), RECORDS, duplicated);
      for (List<JsonNode> same : counts.values()) {
        if (same.size() > 1) {
          JsonNode count = same.get(0);
          TopicPartition tp = new TopicPartition(LINES, count.path("partition").asInt());
          assertThat(count.path("offset").asLong())
              .as("a duplicate lies in the uncommitted window of %s", tp)
              .isGreaterThanOrEqualTo(atKill.getOrDefault(tp, 0L));
          assertThat(same).extracting(c -> c.path("replica").asText()).contains("wordcount-b");
        }
      }
    }
  }

  private Process start(KafkaBroker broker, String replica) throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    assertThat(Files.exists(jar)).as("packaged %s", jar.toAbsolutePath()).isTrue();
    ProcessBuilder pb =
        new ProcessBuilder(
                "java",
                // The dead replica's session must expire before the group rebalances to the next.
                "-Dzeroscale.kafka.session-timeout-ms=6000",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", replica + ".log").toFile());
    pb.environment()
        .putAll(
            Map.of(
                "PORT", "0",
                "ZEROSCALE_REPLICA", replica,
                "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "ZEROSCALE_KAFKA_TOPICS", LINES,
                "ZEROSCALE_KAFKA_GROUP_ID", GROUP,
                "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC", "kill-dlq",
                "WORDCOUNT_OUTPUT_TOPIC", COUNTS));
    Process process = pb.start();
    replicas.add(process);
    return process;
  }

  private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(GROUP)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> result = new HashMap<>();
    offsets.forEach((tp, o) -> result.put(tp, o.offset()));
    return result;
  }

  private static List<ConsumerRecord<String, String>> readAll(KafkaBroker broker) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(COUNTS).stream()
              .map(p -> new TopicPartition(COUNTS, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
