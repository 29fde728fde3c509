package io.zeroscale.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenLoopTest {

  private static final PrintStream PROGRESS = System.out;

  @ParameterizedTest(name = "request {0} at {1}/s is due {2} ns after the start")
  @CsvSource({
    "0, 1000, 0",
    "1, 1000, 1000000",
    "999, 1000, 999000000",
    "3, 3, 1000000000",
    "10000, 10000, 1000000000"
  })
  void requestsAreDueAtAConstantRate(long index, int rate, long due) {
    assertThat(OpenLoop.dueNanos(index, rate)).isEqualTo(due);
  }

  @Test
  void sendsRateTimesDurationAndCountsEveryStatus() {
    try (TestServer server = new TestServer(n -> n % 2 == 0 ? 503 : 200, n -> 0);
        LoadClient client = LoadClient.start(2, 8, Duration.ofSeconds(10))) {
      LoadResult result =
          OpenLoop.run(
              client,
              server.target(),
              200,
              Duration.ofSeconds(1),
              Duration.ofSeconds(10),
              PROGRESS);

      assertThat(result.sent()).as("200/s for 1 s").isEqualTo(200);
      assertThat(server.requests()).isEqualTo(200);
      assertThat(result.answered()).isEqualTo(200);
      assertThat(result.outcomes()).containsEntry("200", 100L).containsEntry("503", 100L);
      assertThat(result.ok()).isEqualTo(100);
      assertThat(result.lost()).as("a 503 is a lost request").isEqualTo(100);
      assertThat(result.latency().count()).isEqualTo(200);
      assertThat(result.timeline()).isNotEmpty();
    }
  }

  @Test
  void countsRequestsThatNeverConnect() {
    int closedPort = io.zeroscale.loadtest.process.FreePorts.next();
    try (LoadClient client = LoadClient.start(1, 4, Duration.ofSeconds(5))) {
      LoadResult result =
          OpenLoop.run(
              client,
              new LoadTarget("nobody", "127.0.0.1", closedPort, "/"),
              20,
              Duration.ofSeconds(1),
              Duration.ofSeconds(10),
              PROGRESS);

      assertThat(result.sent()).isEqualTo(20);
      assertThat(result.ok()).isZero();
      assertThat(result.lost()).isEqualTo(20);
      assertThat(result.outcomes().keySet()).allMatch(k -> k.startsWith("error:"));
    }
  }

  /**
   * One connection, and request 10 stalls the server for 600 ms: the ~60 requests due during the
   * stall wait behind it. Counted from their intended send times they are slow too, so at least a
   * fifth of all requests show over 100 ms; a generator that measured from the actual send after
   * the stall (coordinated omission) would show one slow request.
   */
  @Test
  void aStallDelaysEveryRequestDueDuringIt() {
    try (TestServer server = new TestServer(n -> 200, n -> n == 10 ? 600 : 0);
        LoadClient client = LoadClient.start(1, 1, Duration.ofSeconds(10))) {
      LoadResult result =
          OpenLoop.run(
              client,
              server.target(),
              100,
              Duration.ofSeconds(2),
              Duration.ofSeconds(10),
              PROGRESS);

      assertThat(result.lost()).isZero();
      assertThat(result.latency().p90()).as("p90 in ms").isGreaterThan(100);
      assertThat(result.latency().max()).as("max in ms").isGreaterThanOrEqualTo(600);
    }
  }
}
