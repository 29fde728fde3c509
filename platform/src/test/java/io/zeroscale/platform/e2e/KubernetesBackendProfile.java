package io.zeroscale.platform.e2e;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The platform on the Kubernetes backend against {@link KubernetesStandIns}: every role in one
 * instance, leading at once (it is alone on the Lease), pods given a short pre-stop sleep, the
 * trigger resync out of the way.
 */
public class KubernetesBackendProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "zeroscale.backend", "kubernetes",
        "zeroscale.kubernetes.pre-stop-sleep", "1s",
        "zeroscale.kubernetes.lease.namespace", "default",
        // The trigger resync is only the backstop: TriggerReady must follow the loop's reading
        // at once (KubernetesTriggerReadyTest).
        "zeroscale.kubernetes.trigger-resync", "1h",
        // The mock API server logs every request at INFO.
        "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN",
        "zeroscale.data-dir", "target/zeroscale-kubernetes/" + java.util.UUID.randomUUID());
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(KubernetesStandIns.class));
  }
}
