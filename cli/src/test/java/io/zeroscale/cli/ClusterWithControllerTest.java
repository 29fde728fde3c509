package io.zeroscale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.reconcile.FunctionReconciler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI next to zeroscale's real controller ({@link FunctionReconciler}) on one API server: what
 * {@code deploy --kubernetes} writes is what the controller turns into a Deployment, and the status
 * and URL the controller writes are what {@code list}, {@code describe} and {@code invoke} read.
 * The router is a local HTTP server standing at the controller's router URL.
 */
@QuarkusMainTest
class ClusterWithControllerTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void deployedByTheCliReconciledByTheControllerCalledThroughItsUrl(QuarkusMainLauncher launcher)
      throws Exception {
    HttpServer router = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    router.createContext(
        "/",
        exchange -> {
          byte[] body = ("router got " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    router.start();
    String routerUrl = "http://127.0.0.1:" + router.getAddress().getPort();
    try (MockCluster cluster = MockCluster.withCrd();
        FunctionReconciler controller =
            new FunctionReconciler(
                    cluster.client(),
                    KubernetesBackendConfig.defaults().withRouterUrl(routerUrl),
                    Clock.systemUTC())
                .start()) {
      String kubeconfig = cluster.kubeconfig(dir).toString();
      Path spec =
          Files.writeString(
              dir.resolve("hello.yaml"),
              """
              metadata: {name: hello}
              spec:
                image: img/hello:1
                port: 8080
                scaling: {minScale: 0, maxScale: 3}
              """);

      LaunchResult deployed =
          launcher.launch("deploy", "-f", spec.toString(), "--kubeconfig", kubeconfig);
      assertThat(deployed.exitCode()).as(deployed.getErrorOutput()).isZero();

      // The controller works on its own thread after deploy returns.
      await().atMost(WAIT).until(() -> deployment(cluster) != null);
      await().atMost(WAIT).until(() -> status(cluster) != null && status(cluster).url() != null);
      assertThat(
              deployment(cluster)
                  .getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .getImage())
          .isEqualTo("img/hello:1");

      LaunchResult list = launcher.launch("list", "--kubeconfig", kubeconfig);
      assertThat(list.getOutput()).contains(routerUrl + "/fn/apps/hello/");

      LaunchResult describe = launcher.launch("describe", "hello", "--kubeconfig", kubeconfig);
      assertThat(describe.getOutput())
          .containsPattern("SpecValid\\s+True")
          .contains("pods:\n  none (scaled to zero");

      LaunchResult invoked = launcher.launch("invoke", "hello", "--kubeconfig", kubeconfig);
      assertThat(invoked.exitCode()).as(invoked.getErrorOutput()).isZero();
      assertThat(invoked.getOutput()).contains("router got /fn/apps/hello/");
    } finally {
      router.stop(0);
    }
  }

  private static Deployment deployment(MockCluster cluster) {
    return cluster.client().apps().deployments().inNamespace("apps").withName("hello").get();
  }

  private static io.zeroscale.api.function.FunctionStatus status(MockCluster cluster) {
    FunctionResource r =
        cluster
            .client()
            .resources(FunctionResource.class)
            .inNamespace("apps")
            .withName("hello")
            .get();
    return r == null ? null : r.getStatus();
  }
}
