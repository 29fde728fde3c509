package io.zeroscale.kubernetes.leader;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One instance's part in electing a leader on a Lease, with Fabric8's leader elector: it tries to
 * acquire the lease, renews it while it leads, and stops leading when renewing fails for the renew
 * deadline or another holder shows up in the lease. Unlike a bare Fabric8 elector, which ends after
 * its first term, it then stands by again for the next term until it is closed. {@link #close}
 * releases the lease if held and calls {@link LeadershipListener#onStopLeading}: Fabric8 rewrites
 * the lease with a duration of 1 s, so a stand-by takes over about a second later rather than after
 * the full lease duration.
 */
public final class LeaseLeaderElection implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LeaseLeaderElection.class);

  private final KubernetesClient client;
  private final LeaseConfig config;
  private final LeadershipListener listener;
  private final AtomicBoolean leading = new AtomicBoolean();
  private volatile String leader;
  private CompletableFuture<?> term;
  private boolean closed;

  /**
   * @param client the platform's client; the election talks through a client of its own made from
   *     its configuration (see {@link #electionClient})
   */
  public LeaseLeaderElection(
      KubernetesClient client, LeaseConfig config, LeadershipListener listener) {
    this.client = electionClient(client, config);
    this.config = config;
    this.listener = listener;
  }

  /**
   * A client like {@code platform}'s whose requests give up within the retry period and are not
   * retried. Fabric8 retries a failed request with a growing back-off (up to 10 times by default);
   * the elector checks its renew deadline only between tries, so a leader cut off from the API
   * server would keep leading long after a stand-by took the lease. Bounded tries keep the order
   * Kubernetes' leader election promises: the old leader stops before the lease can lapse.
   */
  private static KubernetesClient electionClient(KubernetesClient platform, LeaseConfig config) {
    int timeout = (int) config.retryPeriod().toMillis();
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(platform.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(timeout)
                .withConnectionTimeout(timeout)
                .build())
        .build();
  }

  /** Starts taking part; returns at once (acquiring runs on the client's threads). */
  public synchronized LeaseLeaderElection start() {
    if (closed) {
      throw new IllegalStateException("leader election closed; make a new one");
    }
    if (term == null) {
      LOG.infof(
          "leader election started lease=%s/%s identity=%s leaseDuration=%s",
          config.namespace(), config.name(), config.identity(), config.leaseDuration());
      nextTerm();
    }
    return this;
  }

  /** Whether this instance leads now. */
  public boolean isLeader() {
    return leading.get();
  }

  /** The holder of the lease as last seen, if any. */
  public Optional<String> leader() {
    return Optional.ofNullable(leader);
  }

  /** Stops taking part, releasing the lease if this instance holds it. */
  @Override
  public void close() {
    CompletableFuture<?> current;
    synchronized (this) {
      closed = true;
      current = term;
    }
    if (current != null) {
      // Cancelling runs Fabric8's stop synchronously: release (ReleaseOnCancel), onStopLeading.
      current.cancel(true);
    }
    client.close();
    LOG.infof(
        "leader election closed lease=%s/%s identity=%s",
        config.namespace(), config.name(), config.identity());
  }

  private synchronized void nextTerm() {
    if (closed) {
      return;
    }
    CompletableFuture<?> started =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(config.name())
                    .withLock(new LeaseLock(config.namespace(), config.name(), config.identity()))
                    .withLeaseDuration(config.leaseDuration())
                    .withRenewDeadline(config.renewDeadline())
                    .withRetryPeriod(config.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::observed))
                    .build())
            .build()
            .start();
    term = started;
    started.whenComplete((ok, failure) -> termEnded(started));
  }

  /** A term ended without close (renewal failed or the lease was taken): stand by again. */
  private void termEnded(CompletableFuture<?> ended) {
    synchronized (this) {
      if (closed || term != ended) {
        return;
      }
    }
    stopped();
    LOG.infof(
        "standing by again lease=%s/%s identity=%s",
        config.namespace(), config.name(), config.identity());
    nextTerm();
  }

  private void started() {
    if (leading.compareAndSet(false, true)) {
      LOG.infof(
          "leading lease=%s/%s identity=%s", config.namespace(), config.name(), config.identity());
      listener.onStartLeading();
    }
  }

  private void stopped() {
    if (leading.compareAndSet(true, false)) {
      LOG.infof(
          "stopped leading lease=%s/%s identity=%s",
          config.namespace(), config.name(), config.identity());
      listener.onStopLeading();
    }
  }

  private void observed(String identity) {
    leader = identity;
    if (identity != null) {
      LOG.infof("leader seen lease=%s/%s leader=%s", config.namespace(), config.name(), identity);
      listener.onNewLeader(identity);
    }
  }
}
