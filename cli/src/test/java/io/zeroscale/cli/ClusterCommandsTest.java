package io.zeroscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with {@code --kubernetes} against Fabric8's API server in CRUD mode with the shipped CRD:
 * every command reads or writes what a user would see with kubectl, through a kubeconfig.
 */
@QuarkusMainTest
class ClusterCommandsTest {

  private static final String NS = MockCluster.CONTEXT_NAMESPACE;

  @TempDir Path dir;
  private MockCluster cluster;
  private Path kubeconfig;

  @BeforeEach
  void start() throws IOException {
    cluster = MockCluster.withCrd();
    kubeconfig = cluster.kubeconfig(dir);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void deployCreatesTheResourceThenReplacesItsSpecKeepingStatus(QuarkusMainLauncher launcher)
      throws IOException {
    LaunchResult created = launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));
    assertThat(created.exitCode()).as(created.getErrorOutput()).isZero();
    assertThat(created.getOutput()).contains("function " + NS + "/hello created on http://");

    FunctionResource stored = resource("hello");
    assertThat(stored.getSpec().image()).isEqualTo("img/hello:1");
    assertThat(stored.getSpec().scaling().maxScale()).isEqualTo(5);
    assertThat(stored.getStatus()).isNull();

    writeStatus("hello", status("http://router.example/fn/apps/hello/", 1, 1));
    LaunchResult same = launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));
    assertThat(same.getOutput()).contains("function " + NS + "/hello unchanged");

    LaunchResult updated = launch(launcher, "deploy", "-f", spec("hello", "img/hello:2", 7));
    assertThat(updated.exitCode()).as(updated.getErrorOutput()).isZero();
    assertThat(updated.getOutput())
        .contains("function " + NS + "/hello updated")
        .contains("call it:  curl http://router.example/fn/apps/hello/");
    FunctionResource replaced = resource("hello");
    assertThat(replaced.getSpec().image()).isEqualTo("img/hello:2");
    assertThat(replaced.getSpec().scaling().maxScale()).isEqualTo(7);
    assertThat(replaced.getStatus().url()).isEqualTo("http://router.example/fn/apps/hello/");
  }

  @Test
  void aFileWithoutNamespaceGoesToTheContextsAndAClashWithDashNIsRefused(
      QuarkusMainLauncher launcher) throws IOException {
    Path bare =
        Files.writeString(
            dir.resolve("bare.yaml"),
            yaml("bare", NS, "img/bare:1", 3).replace(", namespace: apps", ""));
    assertThat(bare).content().doesNotContain("namespace");

    LaunchResult deployed = launch(launcher, "deploy", "-f", bare.toString());
    assertThat(deployed.getOutput()).contains("function apps/bare created");
    assertThat(resource("bare")).isNotNull();

    LaunchResult clash = launch(launcher, "deploy", "-n", "other", "-f", spec("hello", "i:1", 1));
    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.getErrorOutput()).contains("says metadata.namespace: apps but -n says other");
    assertThat(resource("hello")).isNull();
  }

  @Test
  void listShowsTheResourcesOfTheContextNamespaceOrAll(QuarkusMainLauncher launcher)
      throws IOException {
    launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));
    launch(launcher, "deploy", "-f", spec("sleepy", "img/sleepy:1", 5));
    writeStatus("hello", status("http://router.example/fn/apps/hello/", 2, 1));
    Path other = Files.writeString(dir.resolve("other.yaml"), yaml("other", "elsewhere", "i:1", 1));
    launch(launcher, "deploy", "-f", other.toString());

    LaunchResult list = launch(launcher, "list");
    assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
    assertThat(list.getOutput())
        .containsPattern(
            "apps\\s+hello\\s+1\\s+2\\s+Waking\\s+http://router.example/fn/apps/hello/")
        .containsPattern("apps\\s+sleepy\\s+0\\s+0\\s+Pending")
        .doesNotContain("other");

    assertThat(launch(launcher, "list", "-A").getOutput()).contains("elsewhere", "other", "hello");
    assertThat(launch(launcher, "list", "-n", "elsewhere").getOutput())
        .contains("other")
        .doesNotContain("hello");
  }

  @Test
  void describeShowsSpecConditionsAndTheFunctionsPods(QuarkusMainLauncher launcher)
      throws IOException {
    launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));
    writeStatus("hello", status("http://router.example/fn/apps/hello/", 2, 1));
    pod("hello-7d9-a", "hello", "Running", true, 2);
    pod("hello-7d9-b", "hello", "Pending", false, 0);
    pod("sleepy-5c4-a", "sleepy", "Running", true, 0);

    LaunchResult describe = launch(launcher, "describe", "hello");
    assertThat(describe.exitCode()).as(describe.getErrorOutput()).isZero();
    assertThat(describe.getOutput())
        .contains("image: img/hello:1")
        .containsPattern(
            "Ready\\s+False\\s+Waking\\s+2026-11-27T10:00:00Z\\s+1 of 2 replicas ready")
        .containsPattern("SpecValid\\s+True\\s+Valid")
        .containsPattern("hello-7d9-a\\s+Running\\s+1/1\\s+2\\s+10\\.0\\.0\\.")
        .containsPattern("hello-7d9-b\\s+Pending\\s+0/1\\s+0")
        .doesNotContain("sleepy-5c4-a");
  }

  @Test
  void logsPrintEachPodsLinesPrefixedByThePod(QuarkusMainLauncher launcher) throws IOException {
    launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));
    pod("hello-7d9-a", "hello", "Running", true, 0);
    pod("hello-7d9-b", "hello", "Running", true, 0);
    cluster.podLog(NS, "hello-7d9-a", 20, "started a\nanswered GET /\n");
    cluster.podLog(NS, "hello-7d9-b", 20, "started b\n");

    LaunchResult logs = launch(launcher, "logs", "hello", "--tail", "20");
    assertThat(logs.exitCode()).as(logs.getErrorOutput()).isZero();
    assertThat(logs.getOutput())
        .contains("[hello-7d9-a] started a\n[hello-7d9-a] answered GET /\n[hello-7d9-b] started b");
  }

  @Test
  void invokeCallsTheUrlInTheStatusOrTheRouterGiven(QuarkusMainLauncher launcher)
      throws IOException {
    HttpServer router = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    router.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("routed " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    router.start();
    try {
      String base = "http://127.0.0.1:" + router.getAddress().getPort();
      launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));

      LaunchResult noUrl = launch(launcher, "invoke", "hello");
      assertThat(noUrl.exitCode()).isEqualTo(1);
      assertThat(noUrl.getErrorOutput()).contains("has no status.url yet", "--router URL");

      writeStatus("hello", status(base + "/fn/apps/hello/", 1, 1));
      LaunchResult viaStatus = launch(launcher, "invoke", "hello", "--path", "/greet?x=1");
      assertThat(viaStatus.exitCode()).as(viaStatus.getErrorOutput()).isZero();
      assertThat(viaStatus.getOutput()).contains("routed GET /fn/apps/hello/greet?x=1");

      LaunchResult viaRouter = launch(launcher, "invoke", "hello", "-d", "hi", "--router", base);
      assertThat(viaRouter.getOutput()).contains("routed POST /fn/apps/hello/");

      // As from a laptop: the in-cluster router address of status.url cannot be reached.
      writeStatus("hello", status("http://127.0.0.1:9/fn/apps/hello/", 1, 1));
      LaunchResult unreachable = launch(launcher, "invoke", "hello", "--timeout", "5");
      assertThat(unreachable.exitCode()).isEqualTo(1);
      assertThat(unreachable.getErrorOutput())
          .contains("calling apps/hello failed")
          .contains("kubectl -n zeroscale port-forward svc/zeroscale-router 8080:80")
          .contains("--router http://localhost:8080");
    } finally {
      router.stop(0);
    }
  }

  @Test
  void deleteRemovesTheResourceAndSaysSoWhenThereIsNone(QuarkusMainLauncher launcher)
      throws IOException {
    launch(launcher, "deploy", "-f", spec("hello", "img/hello:1", 5));

    LaunchResult deleted = launch(launcher, "delete", "hello");
    assertThat(deleted.exitCode()).as(deleted.getErrorOutput()).isZero();
    assertThat(deleted.getOutput()).contains("function apps/hello deleted");
    assertThat(resource("hello")).isNull();

    LaunchResult again = launch(launcher, "delete", "hello");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.getErrorOutput()).contains("function apps/hello not found");
  }

  @Test
  void anInvalidSpecIsRefusedBeforeAnyApiCall(QuarkusMainLauncher launcher) throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "metadata: {name: hello, namespace: apps}\n"
                + "spec:\n  command: [java, -jar, x.jar]\n  scaling: {minScale: 2, maxScale: 1}\n");
    int before = cluster.requestCount();

    LaunchResult result = launch(launcher, "deploy", "-f", bad.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains("is not a valid function")
        .contains("spec.image: is required on the Kubernetes backend")
        .contains("spec.scaling.maxScale: must be >= minScale (2), was 1")
        .doesNotContain("Exception");
    assertThat(cluster.requestCount()).isEqualTo(before);
  }

  private LaunchResult launch(QuarkusMainLauncher launcher, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = kubeconfig.toString();
    return launcher.launch(all);
  }

  private String spec(String name, String image, int maxScale) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), yaml(name, NS, image, maxScale))
        .toString();
  }

  private static String yaml(String name, String namespace, String image, int maxScale) {
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: %s}
        spec:
          image: %s
          port: 8080
          scaling: {minScale: 0, maxScale: %d}
        """
        .formatted(name, namespace, image, maxScale);
  }

  private FunctionResource resource(String name) {
    return cluster.client().resources(FunctionResource.class).inNamespace(NS).withName(name).get();
  }

  /** What the controller would write through the status subresource. */
  private void writeStatus(String name, FunctionStatus status) {
    FunctionResource resource = resource(name);
    resource.setStatus(status);
    cluster.client().resources(FunctionResource.class).resource(resource).updateStatus();
  }

  private static FunctionStatus status(String url, int replicas, int ready) {
    String since = "2026-11-27T10:00:00Z";
    Condition readiness =
        ready < replicas
            ? new Condition(
                Condition.READY,
                "False",
                "Waking",
                ready + " of " + replicas + " replicas ready",
                since)
            : new Condition(Condition.READY, "True", "Ready", "all replicas ready", since);
    Condition valid = new Condition(Condition.SPEC_VALID, "True", "Valid", "spec is valid", since);
    return new FunctionStatus(1L, replicas, ready, url, List.of(readiness, valid));
  }

  /** What the Deployment controller and the kubelet would write. */
  private void pod(String name, String function, String phase, boolean ready, int restarts) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .addToLabels("zeroscale.io/function", function)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("function")
            .withImage("img/" + function)
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .withPodIP("10.0.0." + (name.hashCode() & 0x7f))
            .withStartTime("2026-11-27T10:00:00Z")
            .addNewContainerStatus()
            .withName("function")
            .withReady(ready)
            .withRestartCount(restarts)
            .endContainerStatus()
            .endStatus()
            .build();
    cluster.client().pods().inNamespace(NS).resource(pod).create();
  }
}
