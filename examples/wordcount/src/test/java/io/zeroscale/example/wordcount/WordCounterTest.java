package io.zeroscale.example.wordcount;

import static io.restassured.RestAssured.given;
import static io.zeroscale.example.wordcount.WordcountBroker.COUNTS;
import static io.zeroscale.example.wordcount.WordcountBroker.DEAD_LETTERS;
import static io.zeroscale.example.wordcount.WordcountBroker.LINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The example end to end on a real broker: lines in, one count per line out, poison dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(WordcountBroker.class)
class WordCounterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLineGetsOneCountUnderItsKeyAndThePoisonLineIsDeadLettered() throws Exception {
    Map<String, RecordMetadata> written = new HashMap<>();
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < 300; i++) {
        String line = i == 150 ? "this line is POISON" : "word ".repeat(i % 7) + "end";
        String key = "line-" + i;
        written.put(
            key, producer.send(new ProducerRecord<>(LINES, key, line)).get(30, TimeUnit.SECONDS));
      }
    }

    Map<String, List<JsonNode>> counts = new HashMap<>();
    await("a count for each of the 299 good lines")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              counts.clear();
              for (ConsumerRecord<String, String> r : readAll(COUNTS)) {
                counts
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(JSON.readTree(r.value()));
              }
              return counts.size() == 299;
            });
    for (int i = 0; i < 300; i++) {
      String key = "line-" + i;
      if (i == 150) {
        assertThat(counts).as("the poison line has no count").doesNotContainKey(key);
        continue;
      }
      assertThat(counts.get(key)).as("counts of %s", key).hasSize(1);
      JsonNode count = counts.get(key).get(0);
      assertThat(count.path("words").asInt()).as("words of %s", key).isEqualTo(i % 7 + 1);
      assertThat(count.path("partition").asInt()).isEqualTo(written.get(key).partition());
      assertThat(count.path("offset").asLong()).isEqualTo(written.get(key).offset());
      assertThat(count.path("replica").asText()).isNotBlank();
    }

    ConsumerRecord<String, String> dead =
        await("the poison line on the dead-letter topic")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    readAll(DEAD_LETTERS).stream()
                        .filter(r -> "line-150".equals(r.key()))
                        .findFirst()
                        .orElse(null),
                r -> r != null);
    assertThat(dead.value()).isEqualTo("this line is POISON");
    assertThat(header(dead, "dead-letter-reason")).contains("4 attempts");
    assertThat(header(dead, "dead-letter-cause")).contains("contains POISON");
  }

  @Test
  void readinessSaysReady() {
    given().get("/q/ready").then().statusCode(200);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", KafkaBroker.shared().bootstrapServers(), "acks", "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    return KafkaBroker.shared().readAll(topic);
  }
}
