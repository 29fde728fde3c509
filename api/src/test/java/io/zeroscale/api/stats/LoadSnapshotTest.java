package io.zeroscale.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadSnapshotTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");
  private static final long SECOND = 1_000_000_000L;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        // case, previous instance, previous s, previous requests, previous concurrency-s,
        // instance, s, requests, concurrency-s, in flight, queued, average, requests (- = idle)
        "steady: growth over the span,     a, 10, 100, 50,   a, 12, 140, 58,   4, 0,  4.0, 40",
        "queued requests count,            a, 10, 0,   0,    a, 11, 3,   3,    0, 3,  3.0, 3",
        "nothing happened: left out,       a, 10, 100, 50,   a, 12, 100, 50,   0, 0,  -,   -",
        "first read: what is in flight now, -, 0,  0,   0,    a, 12, 140, 58,   2, 1,  3.0, 0",
        "first read of an idle function,   -, 0,  0,   0,    a, 12, 140, 58,   0, 0,  -,   -",
        "another instance: a restarted pod, a, 10, 100, 50,   b, 12, 10,  5,    1, 0,  1.0, 0",
        "clock did not advance,            a, 12, 100, 50,   a, 12, 100, 50,   2, 0,  2.0, 0",
        "totals went down: route re-made,  a, 10, 100, 50,   a, 12, 6,   4,    1, 0,  2.0, 6",
      })
  void turnsTwoSnapshotsIntoTheLoadInBetween(
      String name,
      String previousInstance,
      long previousSeconds,
      long previousRequests,
      double previousArea,
      String instance,
      long seconds,
      long requests,
      double area,
      int inFlight,
      int queued,
      Double average,
      Long requestsInSpan) {
    LoadSnapshot previous =
        previousInstance == null
            ? null
            : new LoadSnapshot(
                previousInstance,
                previousSeconds * SECOND,
                List.of(new LoadTotals(HELLO, previousRequests, previousArea, 0, 0)));
    LoadSnapshot now =
        new LoadSnapshot(
            instance,
            seconds * SECOND,
            List.of(new LoadTotals(HELLO, requests, area, inFlight, queued)));

    Map<FunctionKey, FunctionLoad> load = now.since(previous);

    if (average == null) {
      assertThat(load).as("idle").isEmpty();
    } else {
      assertThat(load.get(HELLO))
          .isEqualTo(new FunctionLoad(HELLO, average, inFlight, queued, requestsInSpan));
    }
  }

  @Test
  void aFunctionNewSinceThePreviousReadCountsAllItsTotals() {
    LoadSnapshot previous = new LoadSnapshot("a", 0, List.of());
    LoadSnapshot now =
        new LoadSnapshot("a", 2 * SECOND, List.of(new LoadTotals(HELLO, 20, 20.0, 0, 0)));

    assertThat(now.since(previous).get(HELLO)).isEqualTo(new FunctionLoad(HELLO, 10.0, 0, 0, 20));
  }
}
