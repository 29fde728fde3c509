package io.zeroscale.platform.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Small limits, so that the tests can reach them: a short queue, a short wait, a small body. */
public class SmallLimitsProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "zeroscale.activator.queue-capacity", "5",
        "zeroscale.activator.max-wait", "3s",
        "zeroscale.router.max-body-bytes", "1024",
        "zeroscale.data-dir", "target/zeroscale-small-limits/" + java.util.UUID.randomUUID());
  }
}
