package io.zeroscale.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  @Test
  void holdsAsManyRequestsInFlightAsClientsPhaseByPhase() {
    try (TestServer server = new TestServer(n -> 200, n -> 20);
        LoadClient client = LoadClient.start(2, 8, Duration.ofSeconds(10))) {
      LoadResult result =
          ClosedLoop.run(
              client,
              server.target(),
              List.of(
                  new ClosedLoop.Phase(1, Duration.ofMillis(1500)),
                  new ClosedLoop.Phase(4, Duration.ofMillis(1500)),
                  new ClosedLoop.Phase(1, Duration.ofMillis(1500))),
              System.out);

      assertThat(server.maxInFlight()).as("never more requests at once than clients").isEqualTo(4);
      assertThat(result.connections()).isEqualTo(4);
      assertThat(result.lost()).isZero();
      assertThat(result.sent()).isEqualTo(result.answered()).isEqualTo(server.requests());
      assertThat(result.timeline()).extracting(IntervalSample::clients).contains(1, 4);
    }
  }
}
