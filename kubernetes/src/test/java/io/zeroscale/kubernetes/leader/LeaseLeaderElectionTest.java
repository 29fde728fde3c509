package io.zeroscale.kubernetes.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.zeroscale.kubernetes.testing.ApiServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two or more instances electing a leader on one Lease of the test API server. */
class LeaseLeaderElectionTest {

  /** Lease 4 s, renew deadline 2 s, retry every 200 ms. */
  private static final Duration LEASE = Duration.ofSeconds(4);

  private static final Duration WAIT = Duration.ofSeconds(20);

  private ApiServer api;
  private final Queue<String> events = new ConcurrentLinkedQueue<>();
  private final List<LeaseLeaderElection> elections = new ArrayList<>();

  @BeforeEach
  void start() {
    api = ApiServer.start();
  }

  @AfterEach
  void stop() {
    elections.forEach(LeaseLeaderElection::close);
    api.close();
  }

  @Test
  void ofTwoInstancesExactlyOneLeadsAndBothKnowWhich() {
    LeaseLeaderElection a = join("a", api.client());
    LeaseLeaderElection b = join("b", api.client());

    await().atMost(WAIT).until(() -> a.isLeader() || b.isLeader());
    String leader = a.isLeader() ? "a" : "b";
    LeaseLeaderElection standBy = a.isLeader() ? b : a;

    await().atMost(WAIT).until(() -> standBy.leader().isPresent());
    assertThat(a.isLeader() && b.isLeader()).as("both lead").isFalse();
    assertThat(standBy.leader()).contains(leader);
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(leader);
    assertThat(events).containsExactly(leader + ":start");
  }

  @Test
  void closingTheLeaderReleasesTheLeaseAndTheStandByTakesOver() {
    LeaseLeaderElection a = join("a", api.client());
    await().atMost(WAIT).until(a::isLeader);
    LeaseLeaderElection b = join("b", api.client());
    await().atMost(WAIT).until(() -> b.leader().isPresent());

    a.close();

    assertThat(a.isLeader()).isFalse();
    assertThat(lease().getSpec().getLeaseDurationSeconds())
        .as("released: Fabric8 shortens the lease to 1 s")
        .isEqualTo(1);
    await().atMost(LEASE).alias("the stand-by leads within the lease duration").until(b::isLeader);
    assertThat(events).containsExactly("a:start", "a:stop", "b:start");
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  @Test
  void aLeaderThatCannotReachTheApiServerStepsDownBeforeTheStandByTakesOver() {
    LeaseLeaderElection a = join("a", api.clientAs("a"));
    await().atMost(WAIT).until(a::isLeader);
    LeaseLeaderElection b = join("b", api.client());
    await().atMost(WAIT).until(() -> b.leader().isPresent());

    api.cutOff("a"); // a's renewals fail from now on; it cannot release either

    await().atMost(WAIT).until(b::isLeader);
    assertThat(a.isLeader()).isFalse();
    assertThat(events)
        .as("a stops leading (renew deadline) before b starts (lease duration after a's renewal)")
        .containsExactly("a:start", "a:stop", "b:start");
  }

  @Test
  void aLeaderWhoseLeaseIsTakenUnderneathStopsLeadingAndStandsBy() {
    LeaseLeaderElection a = join("a", api.client());
    await().atMost(WAIT).until(a::isLeader);

    Lease taken = lease();
    taken.getSpec().setHolderIdentity("intruder");
    taken.getSpec().setLeaseDurationSeconds(3600);
    taken.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
    api.client().resource(taken).update();

    await().atMost(WAIT).until(() -> !a.isLeader());
    assertThat(events).containsExactly("a:start", "a:stop");
    assertThat(a.leader()).contains("intruder");
    assertThat(lease().getSpec().getHolderIdentity())
        .as("a stands by: it does not take back a lease another holds")
        .isEqualTo("intruder");
  }

  private LeaseLeaderElection join(String identity, KubernetesClient client) {
    LeaseConfig config =
        LeaseConfig.defaults("zeroscale", identity)
            .withTimings(LEASE, Duration.ofSeconds(2), Duration.ofMillis(200));
    LeaseLeaderElection election =
        new LeaseLeaderElection(
                client,
                config,
                new LeadershipListener() {
                  @Override
                  public void onStartLeading() {
                    events.add(identity + ":start");
                  }

                  @Override
                  public void onStopLeading() {
                    events.add(identity + ":stop");
                  }
                })
            .start();
    elections.add(election);
    return election;
  }

  private Lease lease() {
    return api.client().leases().inNamespace("zeroscale").withName("zeroscale-leader").get();
  }
}
