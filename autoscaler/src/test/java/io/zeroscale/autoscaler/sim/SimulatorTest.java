package io.zeroscale.autoscaler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the shipped traces (autoscaler/traces) through both deciders and checks how each behaves:
 * no request lost, zeroscale waits less everywhere, wakes sized by the queue, holds through gaps
 * shorter than a cold start, and does not flap on a noisy steady load.
 */
class SimulatorTest {

  private static Map<String, Report.Comparison> byTrace;

  @BeforeAll
  static void replayEveryShippedTrace() throws Exception {
    byTrace =
        Simulator.compareAll(Path.of("traces")).stream()
            .collect(Collectors.toMap(c -> c.trace().name(), Function.identity()));
  }

  @Test
  void theSixTracesOfTheIssueAreShipped() {
    assertThat(byTrace)
        .containsOnlyKeys("step", "sawtooth", "spike", "diurnal", "noisy-steady", "periodic-gaps");
  }

  @Test
  void noRequestIsDroppedOnAnyTrace() {
    byTrace
        .values()
        .forEach(c -> assertThat(c.zeroscale().summary().dropped()).as(c.trace().name()).isZero());
  }

  @Test
  void zeroscaleQueuesLessThanKpaOnEveryTrace() {
    byTrace
        .values()
        .forEach(
            c ->
                assertThat(c.zeroscale().summary().queuedRequestSeconds())
                    .as("request-seconds queued on %s", c.trace().name())
                    .isLessThan(c.kpa().summary().queuedRequestSeconds()));
  }

  @Test
  void zeroscaleNeverChangesDirectionMoreOftenThanKpa() {
    byTrace
        .values()
        .forEach(
            c ->
                assertThat(c.zeroscale().summary().directionChanges())
                    .as("direction changes on %s", c.trace().name())
                    .isLessThanOrEqualTo(c.kpa().summary().directionChanges()));
  }

  @Test
  void zeroscaleUsesFewerReplicaSecondsOnTheStepSpikeAndPeriodicGapTraces() {
    for (String name : List.of("step", "spike", "periodic-gaps")) {
      Report.Comparison c = byTrace.get(name);
      assertThat(c.zeroscale().summary().replicaSeconds())
          .as("replica-seconds on %s", name)
          .isLessThan(c.kpa().summary().replicaSeconds());
    }
  }

  @Test
  void noisySteadyLoadDoesNotOscillate() {
    Report.Comparison noisy = byTrace.get("noisy-steady");
    assertThat(noisy.zeroscale().summary().directionChanges()).isLessThanOrEqualTo(1);
    assertThat(noisy.kpa().summary().directionChanges())
        .as("KPA on the same trace")
        .isGreaterThan(noisy.zeroscale().summary().directionChanges());
  }

  @Test
  void wakeFromZeroIsSizedByTheQueue() {
    Report.Comparison step = byTrace.get("step");
    assertThat(desiredWhenLoadStarts(step.zeroscale())).isGreaterThan(1);
    assertThat(desiredWhenLoadStarts(step.kpa())).as("KPA's first step").isEqualTo(1);
  }

  @Test
  void gapsShorterThanTheColdStartDoNotBounceToZero() {
    Simulation.Result periodic = byTrace.get("periodic-gaps").zeroscale();
    List<Timeline.Row> rows = periodic.timeline().rows();
    int firstReady = rows.stream().filter(r -> r.ready() > 0).findFirst().orElseThrow().second();
    int lastBurst = 10 + 15 * 8;
    assertThat(rows.subList(firstReady, lastBurst))
        .as("replicas between the bursts (grace 2s, cold start 6s, gaps 4s)")
        .allMatch(r -> r.desired() > 0);
    assertThat(rows.get(rows.size() - 1).desired()).as("back to zero at the end").isZero();
  }

  @Test
  void reportHasTheTableAndSelfContainedPlots(@TempDir Path out) throws Exception {
    Report.write(out, List.copyOf(byTrace.values()));
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("KPA (re-implementation)", "zeroscale", "step.html");
    String spike = Files.readString(out.resolve("spike.html"));
    assertThat(spike).contains("<svg", "<polyline").doesNotContain("<script", "http://cdn");
    assertThat(Files.readString(out.resolve("summary.csv")).lines()).hasSize(1 + 2 * 6);
    assertThat(Files.readString(out.resolve("step-kpa.csv")))
        .startsWith("second,arrivals,concurrency,queued,desired,ready,mode");
  }

  private static int desiredWhenLoadStarts(Simulation.Result result) {
    return result.timeline().rows().stream()
        .filter(r -> r.arrivals() > 0)
        .findFirst()
        .orElseThrow()
        .desired();
  }
}
