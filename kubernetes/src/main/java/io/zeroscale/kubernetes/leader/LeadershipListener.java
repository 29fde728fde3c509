package io.zeroscale.kubernetes.leader;

/**
 * Hears leadership change. Called on the Kubernetes client's threads: hand long work to a thread of
 * your own. {@link #onStartLeading} and {@link #onStopLeading} alternate, starting with start.
 */
public interface LeadershipListener {

  /** This instance now leads: start what only the leader runs. */
  default void onStartLeading() {}

  /** This instance no longer leads (lost, released or closed): stop what only the leader runs. */
  default void onStopLeading() {}

  /** Another (or this) instance was seen holding the lease. */
  default void onNewLeader(String identity) {}
}
