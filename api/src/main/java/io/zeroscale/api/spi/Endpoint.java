package io.zeroscale.api.spi;

/**
 * One replica of a function as the data path sees it.
 *
 * @param id stable for the replica's life (pod name, or local replica id)
 * @param host address to connect to
 * @param port port to connect to
 * @param state where the replica is in its life
 */
public record Endpoint(String id, String host, int port, State state) {

  /** A replica's life as the data path cares about it. */
  public enum State {
    /** Started, not yet answering: the activator may probe it, the router must not use it. */
    STARTING,
    /** Answers requests: the router and the activator send to it. */
    READY,
    /** Going away: no new requests, in-flight ones finish. */
    TERMINATING
  }

  public boolean isReady() {
    return state == State.READY;
  }

  public String address() {
    return host + ":" + port;
  }
}
