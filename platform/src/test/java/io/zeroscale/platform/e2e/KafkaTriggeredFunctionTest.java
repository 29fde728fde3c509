package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.kafka.broker.KafkaBroker;
import io.zeroscale.platform.e2e.WordcountFunction.Output;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wordcount example behind the local platform, on a real broker: it wakes from zero on lag,
 * scales out with it, handles every record and goes back to zero.
 */
@QuarkusTest
class KafkaTriggeredFunctionTest {

  private static final int RECORDS = 10_000;

  private final PlatformClient platform = new PlatformClient();
  private final KafkaBroker kafka = KafkaBroker.shared();

  @AfterEach
  void cleanUp() {
    platform.delete("wc-burst");
  }

  @Test
  void recordsAtZeroWakeTheFunctionWhichScalesOutHandlesEachRecordAndReturnsToZero()
      throws Exception {
    WordcountFunction.deployOnOwnTopics("wc-burst", 6, new ScalingSpec(0, 6, null, null, "3s"));
    await("the function stays at zero while its topic is empty")
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> platform.desired("wc-burst") == 0);

    Map<String, String> lines = new LinkedHashMap<>();
    for (int i = 0; i < RECORDS; i++) {
      lines.put("r-%05d".formatted(i), "the quick brown fox jumps".substring(0, 3 + i % 5 * 4));
    }
    AtomicInteger mostReady = new AtomicInteger();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = watchReplicas("wc-burst", mostReady, watching);
    kafka.produce("wc-burst-in", lines);

    List<ConsumerRecord<String, String>> out =
        kafka.readUntil(
            "wc-burst-out", Duration.ofSeconds(120), read -> distinctKeys(read) == RECORDS);
    watching.set(false);
    watcher.join();

    Map<String, List<Output>> byKey =
        out.stream().map(Output::of).collect(Collectors.groupingBy(Output::key));
    assertThat(byKey.keySet()).as("every record handled").isEqualTo(lines.keySet());
    byKey.forEach(
        (key, outputs) ->
            assertThat(outputs)
                .as("outputs of %s", key)
                .allSatisfy(o -> assertThat(o.words()).isEqualTo(wordsIn(lines.get(key)))));
    assertThat(mostReady.get())
        .as("replicas ready at the peak (lag threshold 100)")
        .isGreaterThan(1);

    await("the platform counted every record committed, and no lag left")
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(platform.metric("zeroscale_kafka_records_committed_total", "wc-burst"))
                  .isGreaterThanOrEqualTo(RECORDS);
              assertThat(platform.metric("zeroscale_kafka_consumer_lag", "wc-burst")).isZero();
              assertThat(platform.metric("zeroscale_kafka_partitions", "wc-burst")).isEqualTo(6);
            });
    await("back to zero once the lag is gone and the grace period passed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> platform.desired("wc-burst") == 0 && platform.ready("wc-burst") == 0);
  }

  private Thread watchReplicas(String name, AtomicInteger mostReady, AtomicBoolean watching) {
    Thread watcher =
        new Thread(
            () -> {
              while (watching.get()) {
                mostReady.accumulateAndGet(platform.ready(name), Math::max);
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "replica-watcher");
    watcher.start();
    return watcher;
  }

  static long distinctKeys(List<ConsumerRecord<String, String>> read) {
    return read.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size();
  }

  static int wordsIn(String line) {
    return line.isBlank() ? 0 : line.trim().split("\\s+").length;
  }

  static Set<String> keys(List<ConsumerRecord<String, String>> read) {
    return read.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
  }
}
