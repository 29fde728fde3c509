package io.zeroscale.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.loadtest.config.BenchContext;
import io.zeroscale.loadtest.config.BenchSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Runs a scenario with the smoke settings against the platform and examples built in this
 * repository, and checks what every scenario must write: a well-formed result.json that lost no
 * request, and a report.html whose charts are well-formed SVG. Never checks a timing.
 */
public final class SmokeRun {

  private SmokeRun() {}

  public static BenchContext context() {
    return new BenchContext(
        BenchContext.findRepoRoot(Path.of("")),
        Path.of("target/smoke-results").toAbsolutePath(),
        BenchSettings.smoke(),
        true,
        System.out);
  }

  /** Runs the scenario; returns its result.json's {@code result} after the common checks. */
  public static JsonNode run(Scenario scenario, int minCharts) throws Exception {
    ScenarioOutcome outcome = scenario.run(context());

    JsonNode document = new ObjectMapper().readTree(outcome.json().toFile());
    assertThat(document.path("scenario").asText()).isEqualTo(scenario.name());
    assertThat(document.path("smoke").asBoolean()).isTrue();
    assertThat(document.path("machine").path("cores").asInt()).isPositive();
    assertThat(document.path("settings").isObject()).isTrue();
    assertThat(document.path("headline").size()).as("headline figures").isPositive();
    assertThat(document.path("lost").asLong()).as("lost requests").isZero();
    assertThat(outcome.lost()).isZero();
    assertWellFormedCharts(outcome.html(), minCharts);
    return document.path("result");
  }

  private static void assertWellFormedCharts(Path html, int minCharts) throws Exception {
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n").doesNotContain("<script");
    Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(page);
    int charts = 0;
    while (svg.find()) {
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
      charts++;
    }
    assertThat(charts).as("SVG charts in " + html).isGreaterThanOrEqualTo(minCharts);
  }

  /** Every load run in the array sent something and lost nothing. */
  public static void assertLoadRuns(JsonNode runs, int expected) {
    assertThat(runs.size()).isEqualTo(expected);
    for (JsonNode run : runs) {
      assertThat(run.path("sent").asLong()).as(run.path("target") + " sent").isPositive();
      assertThat(run.path("lost").asLong()).as(run.path("target") + " lost").isZero();
      assertThat(run.path("answered").asLong()).isEqualTo(run.path("sent").asLong());
      assertThat(run.path("latency").path("count").asLong()).isPositive();
      assertThat(run.path("timeline").size()).isPositive();
    }
  }
}
