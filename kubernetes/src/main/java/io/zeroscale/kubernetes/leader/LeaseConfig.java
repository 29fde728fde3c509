package io.zeroscale.kubernetes.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How a platform instance takes part in leader election (the defaults are those of Kubernetes' own
 * controller manager).
 *
 * @param namespace where the Lease lives (the platform's namespace)
 * @param name the Lease's name (default {@code zeroscale-leader}); instances that share it elect
 *     one leader
 * @param identity this instance in the Lease's {@code holderIdentity}; unique per instance (default
 *     {@link #identityOfThisProcess()})
 * @param leaseDuration how long a stand-by waits after the leader's last renewal before it takes
 *     the lease (default 15 s): the longest a lapsed leader leaves the roles unled
 * @param renewDeadline how long the leader keeps trying to renew before it stops leading (default
 *     10 s); shorter than the lease duration, so a leader that cannot renew steps down before a
 *     stand-by may take over
 * @param retryPeriod pause between tries to acquire or renew (default 2 s; acquiring adds up to 120
 *     % jitter)
 */
public record LeaseConfig(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** Fabric8's (and client-go's) jitter on the retry period while acquiring. */
  static final double JITTER_FACTOR = 1.2;

  public LeaseConfig {
    List<String> problems = new ArrayList<>();
    if (namespace == null || namespace.isBlank()) {
      problems.add("namespace: is required (the namespace of the Lease)");
    }
    if (name == null || name.isBlank()) {
      problems.add("name: is required (the Lease's name)");
    }
    if (identity == null || identity.isBlank()) {
      problems.add("identity: is required and must differ per instance (e.g. the pod's name)");
    }
    if (leaseDuration == null || renewDeadline == null || retryPeriod == null) {
      problems.add("leaseDuration, renewDeadline, retryPeriod: are required");
    } else {
      if (renewDeadline.compareTo(leaseDuration) >= 0) {
        problems.add(
            "renewDeadline: must be shorter than leaseDuration ("
                + leaseDuration
                + "), was "
                + renewDeadline);
      }
      if (retryPeriod.isNegative()
          || retryPeriod.isZero()
          || retryPeriod.toMillis() * JITTER_FACTOR >= renewDeadline.toMillis()) {
        problems.add(
            "retryPeriod: must be positive and, times "
                + JITTER_FACTOR
                + ", shorter than renewDeadline ("
                + renewDeadline
                + "), was "
                + retryPeriod);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid leader election settings: " + problems);
    }
  }

  /** The defaults above for one instance, with the Lease in {@code namespace}. */
  public static LeaseConfig defaults(String namespace, String identity) {
    return new LeaseConfig(
        namespace,
        "zeroscale-leader",
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  /** The same settings with other timings. */
  public LeaseConfig withTimings(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaseConfig(namespace, name, identity, leaseDuration, renewDeadline, retryPeriod);
  }

  /**
   * {@code HOSTNAME} (the pod's name on Kubernetes), else the host's name, plus a random part so
   * that a restarted instance never mistakes its predecessor's lease for its own.
   */
  public static String identityOfThisProcess() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown-host";
      }
    }
    return host + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
