package io.zeroscale.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A failure the CLI reports as one clear message (and a non-zero exit code), not a stack trace. */
public class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }

  /** Turns the platform's JSON error body into a readable message. */
  static CliException fromErrorBody(int status, String body) {
    try {
      JsonNode node = ControlClient.json().readTree(body);
      StringBuilder sb = new StringBuilder();
      sb.append(node.path("error").asText("HTTP " + status));
      for (JsonNode problem : node.path("problems")) {
        sb.append("\n  ")
            .append(problem.path("field").asText())
            .append(": ")
            .append(problem.path("message").asText());
      }
      if (node.hasNonNull("hint")) {
        sb.append("\nhint: ").append(node.get("hint").asText());
      }
      return new CliException(sb.toString());
    } catch (Exception e) {
      return new CliException("HTTP " + status + ": " + body);
    }
  }
}
