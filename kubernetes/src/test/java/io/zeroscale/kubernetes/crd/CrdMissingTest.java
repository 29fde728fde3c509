package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.catalog.KubernetesFunctionCatalog;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An API server without the CRD answers 404 for functions: starting says what to install. */
class CrdMissingTest {

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    // Expectations mode with no expectation: every request is answered 404, as a real API server
    // answers for a resource type it does not know.
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void theCatalogSaysToInstallTheCrd() {
    assertThatThrownBy(
            () -> new KubernetesFunctionCatalog(client, KubernetesBackendConfig.defaults()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "install the CRD first (kubectl apply -f " + CrdInstalled.CRD_FILE + ")");
  }

  @Test
  void theControllerSaysToInstallTheCrd() {
    assertThatThrownBy(
            () ->
                new FunctionReconciler(
                        client, KubernetesBackendConfig.defaults(), Clock.systemUTC())
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not know functions.zeroscale.io");
  }
}
