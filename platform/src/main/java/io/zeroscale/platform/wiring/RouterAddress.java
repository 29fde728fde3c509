package io.zeroscale.platform.wiring;

import io.zeroscale.platform.controller.FunctionUrls;
import jakarta.inject.Singleton;

/**
 * Where the router listens, known once it has started (its port may be picked at start-up). Until
 * then it reports the configured port.
 */
@Singleton
public class RouterAddress {

  private volatile FunctionUrls urls =
      new FunctionUrls("http://localhost:8080", "zeroscale.localhost", 8080);

  public FunctionUrls urls() {
    return urls;
  }

  void set(FunctionUrls value) {
    this.urls = value;
  }
}
