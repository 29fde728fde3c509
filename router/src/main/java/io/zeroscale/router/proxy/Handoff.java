package io.zeroscale.router.proxy;

/**
 * Where the router sends a request it cannot place on a replica now: the function has no ready
 * replica, every replica is at its hard limit, requests already wait (FIFO), or every connection
 * attempt failed. The activator implements it; the request stays paused until it is forwarded
 * through {@link Exchange#forward} or answered through {@link Exchange#reject}.
 */
public interface Handoff {

  /** Answers 503 at once: for a router deployed without an activator. */
  Handoff REJECT =
      new Handoff() {
        @Override
        public void accept(Exchange exchange) {
          exchange.reject(
              503,
              "function " + exchange.route().key() + " has no ready replica with spare capacity",
              "retry later; this router runs without an activator to hold requests",
              1);
        }

        @Override
        public void cancel(Exchange exchange) {}
      };

  /** Takes the request; called on the request's own context. Must not block. */
  void accept(Exchange exchange);

  /** The client went away while the request waited; forget it. */
  void cancel(Exchange exchange);
}
