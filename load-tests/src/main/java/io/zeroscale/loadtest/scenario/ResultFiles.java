package io.zeroscale.loadtest.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.report.HtmlPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a scenario's {@code result.json} (with the machine it ran on and the settings) and {@code
 * report.html} into its results folder.
 */
public final class ResultFiles {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ResultFiles() {}

  public static ScenarioOutcome write(
      BenchContext context,
      String scenario,
      Object settings,
      Object result,
      Map<String, Object> headline,
      long lost,
      HtmlPage page)
      throws IOException {
    Path dir = context.dir(scenario);
    Files.createDirectories(dir);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("scenario", scenario);
    document.put("finishedAt", Instant.now().toString());
    document.put("smoke", context.smoke());
    document.put("machine", Machine.describe());
    document.put("settings", settings);
    document.put("headline", headline);
    document.put("lost", lost);
    document.put("result", result);
    Path json = dir.resolve("result.json");
    JSON.writeValue(json.toFile(), document);
    Path html = dir.resolve("report.html");
    page.paragraph("Machine: " + Machine.describe()).write(html);
    return new ScenarioOutcome(scenario, headline, lost, json, html);
  }
}
