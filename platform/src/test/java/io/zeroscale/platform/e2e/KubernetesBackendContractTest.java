package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.zeroscale.kubernetes.testing.ApiAccess;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The backend contract on the Kubernetes backend: functions are {@code Function} resources on an
 * API server, replicas are pods the kubelet stand-in runs as real processes, the router reads
 * EndpointSlices, the autoscaler scales Deployments, the controller is the reconciler, and both run
 * under the Lease this (only) instance leads.
 */
@QuarkusTest
@TestProfile(KubernetesBackendProfile.class)
class KubernetesBackendContractTest extends BackendContract {

  private static final Pattern SCALE_WRITE =
      Pattern.compile("PUT /apis/apps/v1/namespaces/default/deployments/[^/?]+/scale(\\?.*)?");
  private static final Pattern DEPLOYMENT_WRITE =
      Pattern.compile("(PUT|PATCH) /apis/apps/v1/namespaces/default/deployments/[^/?]+(\\?.*)?");

  /** Every request the platform made to the API server, across this class's tests. */
  private static final List<String> RECORDED = new ArrayList<>();

  @KubernetesStandIns.Cluster KubernetesStandIns.StandIns cluster;

  @Override
  String backend() {
    return "kubernetes";
  }

  @Override
  String echoSpec(String name, String scaling) {
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: default}
        spec:
          image: %s
          timeout: 20s
          scaling: %s
        """
        .formatted(name, KubernetesStandIns.ECHO_IMAGE, scaling);
  }

  /** The live process of each ready pod of the function (pods are named after the Deployment). */
  @Override
  List<Long> readyReplicaPids(String name) {
    var ready =
        cluster.fixture().pods().inNamespace("default").list().getItems().stream()
            .filter(p -> p.getMetadata().getName().startsWith(name + "-"))
            .filter(
                p ->
                    p.getStatus() != null
                        && p.getStatus().getConditions() != null
                        && p.getStatus().getConditions().stream()
                            .anyMatch(
                                c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
            .map(p -> p.getMetadata().getName())
            .toList();
    var processes = cluster.kubelet().processes();
    return ready.stream()
        .filter(processes::containsKey)
        .map(pod -> processes.get(pod).pid())
        .toList();
  }

  /**
   * The test API server has no garbage collector: what the Function's owner references would remove
   * on a cluster, the test removes, so that its pods stop.
   */
  @Override
  void deleted(String name) {
    cluster.fixture().apps().deployments().inNamespace("default").withName(name).delete();
    cluster.fixture().services().inNamespace("default").withName(name).delete();
    RECORDED.clear();
    RECORDED.addAll(cluster.platformRequests());
  }

  @Test
  void replicasAndLogsAnswer501NamingKubectl() {
    deploy("inspected", "{minScale: 0, maxScale: 1}");
    org.awaitility.Awaitility.await()
        .until(() -> given().get("/api/v1/functions/default/inspected").statusCode() == 200);
    given()
        .get("/api/v1/functions/default/inspected/replicas")
        .then()
        .statusCode(501)
        .body("hint", org.hamcrest.Matchers.containsString("kubectl get pods -n default"));
    given()
        .get("/api/v1/functions/default/inspected/logs")
        .then()
        .statusCode(501)
        .body("hint", org.hamcrest.Matchers.containsString("kubectl logs"));
  }

  /**
   * From the platform's recorded requests: scale changes went to {@code deployments/scale}, nothing
   * else; every call is one the dev overlay's all-roles account is granted.
   */
  @AfterAll
  static void everyScaleChangeUsedTheScaleSubresourceAndTheShippedRolesAllowEveryCall()
      throws Exception {
    List<String> scaleWrites =
        RECORDED.stream().filter(r -> SCALE_WRITE.matcher(r).matches()).toList();
    List<String> deploymentWrites =
        RECORDED.stream().filter(r -> DEPLOYMENT_WRITE.matcher(r).matches()).toList();

    assertThat(scaleWrites).as("the autoscaler's scale changes").isNotEmpty();
    assertThat(deploymentWrites)
        .as(
            "writes of a Deployment's spec after its creation (the reconciler must not reset the"
                + " replicas; the functions' templates never changed)")
        .isEmpty();
    Set<String> used = ApiAccess.of(RECORDED);
    System.out.printf(
        "platform requests=%d scaleWrites=%d deploymentSpecWrites=%d permissionsUsed=%s%n",
        RECORDED.size(), scaleWrites.size(), deploymentWrites.size(), used);
    // One instance with every role: the dev overlay's account (the router's, bound to both roles).
    assertThat(ApiAccess.granted(ShippedRbac.devOverlay().rulesBoundTo("zeroscale-router")))
        .as("what the dev overlay's account is granted; used during the contract suite: %s", used)
        .containsAll(used);
  }
}
