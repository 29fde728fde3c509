package io.zeroscale.platform.wiring;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the router listens and the controller and autoscaler run. */
@Readiness
public class PlatformReadiness implements HealthCheck {

  @Inject PlatformLifecycle lifecycle;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("zeroscale")
        .status(lifecycle.started())
        .withData("router", lifecycle.started() ? "listening" : "starting")
        .build();
  }
}
