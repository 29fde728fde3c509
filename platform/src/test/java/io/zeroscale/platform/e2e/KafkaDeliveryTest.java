package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kafka.broker.KafkaBroker;
import io.zeroscale.platform.e2e.WordcountFunction.Output;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At-least-once delivery through the platform: a replica killed mid-stream, a poison record. */
@QuarkusTest
class KafkaDeliveryTest {

  private final PlatformClient platform = new PlatformClient();
  private final KafkaBroker kafka = KafkaBroker.shared();

  @AfterEach
  void cleanUp() {
    platform.delete("wc-kill");
    platform.delete("wc-poison");
  }

  @Test
  void aReplicaKilledMidStreamLosesNoRecordAndOnlyItsUncommittedRecordsComeTwice()
      throws Exception {
    WordcountFunction.deployOnOwnTopics("wc-kill", 6, new ScalingSpec(2, 2, null, null, "3s"));
    await("two replicas ready")
        .atMost(Duration.ofSeconds(60))
        .until(() -> platform.ready("wc-kill") == 2);

    // Records keep coming while the replica dies: 10,000 in slices of 500, about 10 per second.
    Map<String, String> all = lines("r", 10_000);
    Thread producer = new Thread(() -> produceSlowly("wc-kill-in", all), "slow-producer");
    producer.start();
    List<ConsumerRecord<String, String>> early =
        kafka.readUntil("wc-kill-out", Duration.ofSeconds(60), read -> read.size() >= 1_500);
    // SIGKILL the replica that handled the most so far: no shutdown hook, no last commit; what it
    // handled since its last commit is handled again by the replica that gets its partitions.
    Map<String, Object> victim = busiestReadyReplica("wc-kill", early);
    String victimId = (String) victim.get("id");
    ProcessHandle.of(((Number) victim.get("pid")).longValue()).orElseThrow().destroyForcibly();
    producer.join();

    List<ConsumerRecord<String, String>> out =
        kafka.readUntil(
            "wc-kill-out",
            Duration.ofSeconds(150),
            read -> KafkaTriggeredFunctionTest.keys(read).containsAll(all.keySet()));

    Map<String, List<Output>> byKey =
        out.stream().map(Output::of).collect(Collectors.groupingBy(Output::key));
    assertThat(byKey.keySet()).as("no record lost").containsAll(all.keySet());
    Map<String, List<Output>> duplicates =
        byKey.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(duplicates.values())
        .as("a record comes twice only when the killed replica %s handled it first", victimId)
        .allSatisfy(outputs -> assertThat(outputs).extracting(Output::replica).contains(victimId));
    assertThat(byKey.values().stream().flatMap(List::stream).map(Output::replica))
        .as("the killed replica had handled records")
        .contains(victimId);
  }

  @Test
  void aPoisonRecordEndsOnTheDeadLetterTopicWithItsReasonAndTheRecordsAfterItAreHandled()
      throws Exception {
    WordcountFunction.deployOnOwnTopics("wc-poison", 1, new ScalingSpec(0, 1, null, null, "3s"));
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("before", "one two");
    lines.put("poison", "this is POISON");
    lines.put("after", "three four five");
    kafka.produce("wc-poison-in", lines);

    List<ConsumerRecord<String, String>> out =
        kafka.readUntil(
            "wc-poison-out",
            Duration.ofSeconds(90),
            read -> KafkaTriggeredFunctionTest.keys(read).contains("after"));
    assertThat(KafkaTriggeredFunctionTest.keys(out)).containsExactlyInAnyOrder("before", "after");

    List<ConsumerRecord<String, String>> dead =
        kafka.readUntil(
            "zeroscale-default-wc-poison-dlq", Duration.ofSeconds(30), r -> !r.isEmpty());
    assertThat(dead).hasSize(1);
    ConsumerRecord<String, String> poison = dead.get(0);
    assertThat(poison.key()).isEqualTo("poison");
    assertThat(poison.value()).isEqualTo("this is POISON");
    Header reason = poison.headers().lastHeader("dead-letter-reason");
    assertThat(reason).as("dead-letter-reason header").isNotNull();
    assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("POISON");
    assertThat(poison.headers().lastHeader("dead-letter-topic")).isNotNull();
    assertThat(poison.headers().lastHeader("dead-letter-offset")).isNotNull();
    await("the platform counted the dead letter")
        .atMost(Duration.ofSeconds(20))
        .until(() -> platform.metric("zeroscale_kafka_dead_lettered_total", "wc-poison") == 1.0);
  }

  private static Map<String, String> lines(String prefix, int count) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      lines.put(prefix + "-%05d".formatted(i), "line " + i + " of " + prefix);
    }
    return lines;
  }

  private void produceSlowly(String topic, Map<String, String> records) {
    Map<String, String> slice = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> e : records.entrySet()) {
        slice.put(e.getKey(), e.getValue());
        if (slice.size() == 500) {
          kafka.produce(topic, slice);
          slice.clear();
          Thread.sleep(100);
        }
      }
      kafka.produce(topic, slice);
    } catch (Exception e) {
      throw new IllegalStateException("producing to " + topic + " failed", e);
    }
  }

  private static Map<String, Object> busiestReadyReplica(
      String name, List<ConsumerRecord<String, String>> outputs) {
    Map<String, Long> handled =
        outputs.stream()
            .map(Output::of)
            .collect(Collectors.groupingBy(Output::replica, Collectors.counting()));
    List<Map<String, Object>> ready =
        given()
            .get("/api/v1/functions/default/" + name + "/replicas")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.state == 'READY' }");
    return ready.stream()
        .max(java.util.Comparator.comparing(r -> handled.getOrDefault((String) r.get("id"), 0L)))
        .orElseThrow(() -> new AssertionError("no ready replica of " + name));
  }
}
