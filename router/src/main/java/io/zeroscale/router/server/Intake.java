package io.zeroscale.router.server;

/**
 * Whether the router takes new requests; shared by its verticles. Once stopped (the platform is
 * shutting down) new requests get 503 with {@code Retry-After} and {@code Connection: close}, while
 * requests already in flight finish.
 */
final class Intake {

  private volatile boolean open = true;

  boolean open() {
    return open;
  }

  void stop() {
    open = false;
  }
}
