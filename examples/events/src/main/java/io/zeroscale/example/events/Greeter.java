package io.zeroscale.example.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.zeroscale.runtime.RuntimeConfig;
import io.zeroscale.runtime.events.EventFunction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers a {@code io.zeroscale.example.greet} event whose data is {@code {"name":"..."}} with a
 * {@code io.zeroscale.example.greeting} event whose data is {@code {"greeting":"hello ..."}}; any
 * other event type is accepted without an answer.
 */
@ApplicationScoped
public class Greeter implements EventFunction {

  static final String GREET = "io.zeroscale.example.greet";
  static final String GREETING = "io.zeroscale.example.greeting";

  private final ObjectMapper json = new ObjectMapper();
  private final URI source;

  Greeter(RuntimeConfig runtime) {
    this.source = URI.create("/zeroscale/events/" + runtime.replica().orElse("local"));
  }

  @Override
  public Optional<CloudEvent> handle(CloudEvent event) {
    if (!GREET.equals(event.getType())) {
      return Optional.empty();
    }
    String name = nameIn(event);
    byte[] data =
        json.createObjectNode()
            .put("greeting", "hello " + name)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return Optional.of(
        CloudEventBuilder.v1()
            .withId(event.getId() + "-greeting")
            .withSource(source)
            .withType(GREETING)
            .withSubject(name)
            .withDataContentType("application/json")
            .withData(data)
            .build());
  }

  private String nameIn(CloudEvent event) {
    if (event.getData() == null) {
      throw new IllegalArgumentException("data must be {\"name\": \"...\"}, was empty");
    }
    try {
      JsonNode name = json.readTree(event.getData().toBytes()).path("name");
      if (!name.isTextual() || name.asText().isBlank()) {
        throw new IllegalArgumentException(
            "data must be {\"name\": \"...\"} with a non-empty name");
      }
      return name.asText();
    } catch (IOException e) {
      throw new IllegalArgumentException("data is not JSON: " + e.getMessage());
    }
  }
}
