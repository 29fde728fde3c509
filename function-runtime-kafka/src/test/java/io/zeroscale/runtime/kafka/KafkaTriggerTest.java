package io.zeroscale.runtime.kafka;

import static io.restassured.RestAssured.given;
import static io.zeroscale.runtime.kafka.TriggerBroker.DEAD_LETTERS;
import static io.zeroscale.runtime.kafka.TriggerBroker.GROUP;
import static io.zeroscale.runtime.kafka.TriggerBroker.INPUT;
import static io.zeroscale.runtime.kafka.TriggerBroker.OUTPUT;
import static io.zeroscale.runtime.kafka.TriggerBroker.PARTITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The Kafka trigger against a real broker: order within a partition, commits that wait for the
 * handler and its outputs, retries, and the dead-letter topic with the connector's reason headers.
 */
@QuarkusTest
@QuarkusTestResource(TriggerBroker.class)
class KafkaTriggerTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject ScriptedFunction function;

  @Test
  void everyRecordIsHandledInPartitionOrderAndItsOutputIsWrittenBeforeItIsCommitted()
      throws Exception {
    Map<Integer, List<Long>> offsets = new java.util.HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      List<String> records =
          IntStream.range(0, 100)
              .mapToObj(i -> "order-" + partition + "-" + i + "=line " + i)
              .toList();
      offsets.put(p, TopicClient.produce(INPUT, p, records));
    }

    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      long next = offsets.get(p).get(99) + 1;
      await("partition " + p + " committed up to its last record")
          .atMost(WAIT)
          .until(() -> TopicClient.committed(GROUP, INPUT, partition) >= next);
    }
    // Committed means acknowledged, which means the outputs were written first: all are there now.
    List<String> outputKeys =
        TopicClient.readAll(OUTPUT).stream().map(ConsumerRecord::key).toList();
    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      List<Long> handledOffsets =
          function.handled.stream()
              .filter(h -> h.partition() == partition && h.key().startsWith("order-"))
              .map(ScriptedFunction.Handled::offset)
              .toList();
      assertThat(handledOffsets)
          .as("partition %d handled each record once, in offset order", p)
          .containsExactlyElementsOf(offsets.get(p));
      assertThat(outputKeys)
          .as("outputs of partition %d", p)
          .containsAll(
              IntStream.range(0, 100).mapToObj(i -> "order-" + partition + "-" + i).toList());
    }
  }

  @Test
  void aRecordBeingHandledHoldsItsPartitionAndItsCommittedOffset() throws Exception {
    function.release = new CountDownLatch(1);
    List<Long> offsets =
        TopicClient.produce(INPUT, 0, List.of("hold-1=a", "hold-2=BLOCK", "hold-3=c"));
    long blocked = offsets.get(1);
    try {
      await("handler blocked on hold-2").atMost(WAIT).until(() -> function.blocking);
      await("hold-1 committed")
          .atMost(WAIT)
          .until(() -> TopicClient.committed(GROUP, INPUT, 0) == blocked);
      // Stays there across several commit intervals (1 s): nothing past an unacknowledged record.
      await()
          .during(Duration.ofMillis(2500))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  TopicClient.committed(GROUP, INPUT, 0) == blocked
                      && keysHandled().stream().noneMatch("hold-3"::equals));
    } finally {
      function.release.countDown();
    }
    long next = offsets.get(2) + 1;
    await("all committed once released")
        .atMost(WAIT)
        .until(() -> TopicClient.committed(GROUP, INPUT, 0) == next);
    assertThat(keysHandled()).containsSubsequence("hold-1", "hold-2", "hold-3");
  }

  @Test
  void aPoisonRecordIsRetriedThenDeadLetteredWithWhyAndTheRecordsAfterItAreHandled()
      throws Exception {
    List<Long> offsets =
        TopicClient.produce(INPUT, 1, List.of("dl-1=fine", "dl-2=a POISON line", "dl-3=fine too"));
    long poison = offsets.get(1);

    await("dl-3 handled").atMost(WAIT).until(() -> keysHandled().contains("dl-3"));
    assertThat(function.attempts(1, poison))
        .as("first attempt plus max-retries")
        .isEqualTo(TriggerBroker.MAX_RETRIES + 1);
    assertThat(keysHandled()).contains("dl-1").doesNotContain("dl-2");

    ConsumerRecord<String, String> dead =
        await("dl-2 on the dead-letter topic")
            .atMost(WAIT)
            .until(
                () ->
                    TopicClient.readAll(DEAD_LETTERS).stream()
                        .filter(r -> "dl-2".equals(r.key()))
                        .findFirst()
                        .orElse(null),
                r -> r != null);
    assertThat(dead.value()).isEqualTo("a POISON line");
    Map<String, String> headers = headers(dead);
    assertThat(headers.get("dead-letter-reason"))
        .contains("3 attempts")
        .contains(INPUT + "-1@" + poison);
    assertThat(headers.get("dead-letter-cause")).isEqualTo("poison line: a POISON line");
    assertThat(headers.get("dead-letter-cause-class-name"))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(headers)
        .containsEntry("dead-letter-topic", INPUT)
        .containsEntry("dead-letter-partition", "1")
        .containsEntry("dead-letter-offset", Long.toString(poison));

    long next = offsets.get(2) + 1;
    await("partition 1 committed past the dead letter")
        .atMost(WAIT)
        .until(() -> TopicClient.committed(GROUP, INPUT, 1) == next);

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    // zeroscale.function (ZEROSCALE_FUNCTION) is unset here: the tags default to default/local.
    String tags = "{function=\"local\",namespace=\"default\"}";
    assertThat(metricValue(metrics, "zeroscale_function_kafka_records_dead_lettered_total" + tags))
        .isGreaterThanOrEqualTo(1);
    assertThat(metricValue(metrics, "zeroscale_function_kafka_attempts_failed_total" + tags))
        .isGreaterThanOrEqualTo(3);
    assertThat(metricValue(metrics, "zeroscale_function_kafka_records_processed_total" + tags))
        .isGreaterThanOrEqualTo(2);
  }

  private List<String> keysHandled() {
    return function.handled.stream().map(ScriptedFunction.Handled::key).toList();
  }

  private static Map<String, String> headers(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new java.util.HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static double metricValue(String exposition, String series) {
    List<String> lines =
        exposition.lines().filter(l -> l.startsWith(series + " ")).collect(Collectors.toList());
    assertThat(lines).as("series %s in /q/metrics", series).hasSize(1);
    return Double.parseDouble(lines.get(0).substring(series.length() + 1).trim());
  }
}
