package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.function.TriggersSpec;
import io.zeroscale.kafka.broker.KafkaBroker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The {@code examples/wordcount} function as the Kafka tests deploy it: its own {@code
 * function.yaml}, pointed at the test broker and at topics of the test's own.
 */
final class WordcountFunction {

  private WordcountFunction() {}

  /**
   * Deploys wordcount as {@code name} on the shared test broker, with topics of its own: it reads
   * {@code <name>-in} and writes {@code <name>-out} ({@code partitions} each). The test broker
   * creates no topic on its own; the replica makes its dead-letter topic itself at start-up.
   */
  static void deployOnOwnTopics(String name, int partitions, ScalingSpec scaling) throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createTopic(name + "-in", partitions);
    broker.createTopic(name + "-out", partitions);
    deploy(name, broker.bootstrapServers(), name + "-in", name + "-out", scaling);
  }

  /** Deploys wordcount as {@code name}, reading {@code input} and writing {@code output}. */
  static void deploy(
      String name, String bootstrap, String input, String output, ScalingSpec scaling)
      throws Exception {
    Function example = ExampleFunctions.deployable("wordcount");
    FunctionSpec spec = example.spec();
    KafkaTriggerSpec kafka = spec.kafkaTrigger();
    Map<String, String> env = new HashMap<>(spec.env() == null ? Map.of() : spec.env());
    env.put("WORDCOUNT_OUTPUT_TOPIC", output);
    KafkaTriggerSpec trigger =
        new KafkaTriggerSpec(
            bootstrap,
            List.of(input),
            null,
            kafka.lagThreshold(),
            null,
            null,
            null,
            new KafkaTriggerSpec.RetrySpec(2, "10ms"));
    Function function =
        Function.of(
            ObjectMeta.of("default", name),
            new FunctionSpec(
                spec.image(),
                spec.command(),
                spec.workingDir(),
                spec.port(),
                env,
                spec.timeout(),
                spec.readiness(),
                scaling,
                new TriggersSpec(trigger)));
    given()
        .contentType("application/yaml")
        .body(FunctionCodec.toYaml(function))
        .put("/api/v1/functions/default/" + name)
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }

  /** One output record of wordcount: which input it answers and who handled it. */
  record Output(String key, int words, int partition, long offset, String replica) {

    static Output of(ConsumerRecord<String, String> record) {
      try {
        JsonNode value = FunctionCodec.json().readTree(record.value());
        return new Output(
            record.key(),
            value.path("words").asInt(-1),
            value.path("partition").asInt(-1),
            value.path("offset").asLong(-1),
            value.path("replica").asText(""));
      } catch (Exception e) {
        throw new IllegalStateException("not a wordcount output: " + record.value(), e);
      }
    }
  }
}
