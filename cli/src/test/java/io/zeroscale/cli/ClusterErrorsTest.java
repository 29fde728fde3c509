package io.zeroscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --kubernetes} when the cluster is not what the CLI needs: one line saying what to fix. */
@QuarkusMainTest
class ClusterErrorsTest {

  @TempDir Path dir;

  @Test
  void anApiServerWithoutTheCrdSaysHowToInstallIt(QuarkusMainLauncher launcher) throws Exception {
    try (MockCluster cluster = MockCluster.withoutCrd()) {
      LaunchResult result =
          launcher.launch("list", "--kubeconfig", cluster.kubeconfig(dir).toString());
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.getErrorOutput())
          .contains("does not know functions.zeroscale.io")
          .contains("install it with: kubectl apply -k manifests/")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aForbiddenListSaysWhoMayNotDoWhat(QuarkusMainLauncher launcher) throws Exception {
    try (MockCluster cluster = MockCluster.withCrd()) {
      cluster.forbidFunctions(MockCluster.CONTEXT_NAMESPACE);
      LaunchResult result =
          launcher.launch("list", "--kubeconfig", cluster.kubeconfig(dir).toString());
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.getErrorOutput())
          .contains("listing functions in namespace apps: forbidden")
          .contains("User \"dev\" cannot list resource \"functions\"")
          .contains("(check your RBAC)")
          .doesNotContain("Exception");
    }
  }

  @Test
  void anUnreachableApiServerIsNamed(QuarkusMainLauncher launcher) throws Exception {
    try (MockCluster cluster = MockCluster.withCrd()) {
      LaunchResult result =
          launcher.launch(
              "describe",
              "hello",
              "--kubeconfig",
              cluster.kubeconfig(dir).toString(),
              "--context",
              "nowhere");
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.getErrorOutput())
          .contains("cannot reach the Kubernetes API server at http://127.0.0.1:9")
          .doesNotContain("Exception:");
    }
  }

  @Test
  void anUnknownContextListsTheKnownOnes(QuarkusMainLauncher launcher) throws Exception {
    try (MockCluster cluster = MockCluster.withCrd()) {
      LaunchResult result =
          launcher.launch(
              "list", "--kubeconfig", cluster.kubeconfig(dir).toString(), "--context", "prod");
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.getErrorOutput()).contains("no context prod", "it has: mock, nowhere");
    }
  }

  /**
   * ZEROSCALE_KUBERNETES=true switches to the cluster; picocli reads the variable from system
   * properties first, and Fabric8 reads {@code kubeconfig} as it reads $KUBECONFIG, so the test
   * sets both as properties (this JVM's environment cannot be changed).
   */
  @Test
  void theEnvironmentSwitchWithoutAnyKubeconfigSaysWhereItLooked(QuarkusMainLauncher launcher) {
    String absent = dir.resolve("no-such-kubeconfig").toString();
    System.setProperty("ZEROSCALE_KUBERNETES", "true");
    System.setProperty("kubeconfig", absent);
    try {
      LaunchResult result = launcher.launch("list");
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.getErrorOutput())
          .contains("no kubeconfig found (looked at " + absent + ")")
          .contains("set KUBECONFIG or pass --kubeconfig FILE")
          .doesNotContain("cannot reach the zeroscale platform");
    } finally {
      System.clearProperty("ZEROSCALE_KUBERNETES");
      System.clearProperty("kubeconfig");
    }
  }

  @Test
  void aMissingKubeconfigFileIsNamed(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("list", "--kubeconfig", dir.resolve("absent").toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains("kubeconfig " + dir.resolve("absent") + " does not exist");
  }
}
