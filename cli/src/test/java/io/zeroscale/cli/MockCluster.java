package io.zeroscale.cli;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * Fabric8's API server for the CLI's tests: CRUD mode (with expectations first, for pod logs, which
 * CRUD mode does not serve) and the shipped CRD loaded, or no CRD at all; plus a kubeconfig
 * pointing at it. It runs no controllers: tests write the status, pods and logs a cluster would.
 */
final class MockCluster implements AutoCloseable {

  /** The CRD as shipped (kubectl apply -k manifests/ installs this file). */
  static final Path CRD =
      Path.of("..", "manifests", "crd", "functions.zeroscale.io-v1alpha1.yml").toAbsolutePath();

  /** The namespace of the kubeconfig's context {@code mock}. */
  static final String CONTEXT_NAMESPACE = "apps";

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockCluster(boolean crud) {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    server =
        crud
            ? new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new KubernetesMixedDispatcher(expectations),
                false)
            // Expectations only, none set: every request is answered 404, as a real API server
            // answers for a resource type it does not know.
            : new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
  }

  /** CRUD mode with the shipped CRD installed. */
  static MockCluster withCrd() {
    MockCluster cluster = new MockCluster(true);
    try (InputStream crd = Files.newInputStream(CRD)) {
      CustomResourceDefinition loaded =
          cluster.client.apiextensions().v1().customResourceDefinitions().load(crd).item();
      cluster.client.apiextensions().v1().customResourceDefinitions().resource(loaded).create();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CRD, e);
    }
    return cluster;
  }

  /** An API server that knows no Functions. */
  static MockCluster withoutCrd() {
    return new MockCluster(false);
  }

  /** For fixtures: what a controller or kubelet would write. */
  KubernetesClient client() {
    return client;
  }

  /** Requests received so far (fixtures' included). */
  int requestCount() {
    return server.getRequestCount();
  }

  /** Answers every request for Functions in {@code namespace} with a 403, as RBAC would. */
  void forbidFunctions(String namespace) {
    String status =
        """
        {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "Forbidden",
         "code": 403, "message": "functions.zeroscale.io is forbidden: User \\"dev\\" cannot list\
         resource \\"functions\\" in API group \\"zeroscale.io\\" in the namespace \\"%s\\""}
        """
            .formatted(namespace);
    server
        .expect()
        .get()
        .withPath("/apis/zeroscale.io/v1alpha1/namespaces/" + namespace + "/functions?limit=1")
        .andReturn(403, status)
        .always();
  }

  /**
   * Serves {@code text} as the log of the pod's container {@code function} asked for its last
   * {@code tail} lines (any other log request falls through to CRUD mode, which has no logs).
   */
  void podLog(String namespace, String pod, int tail, String text) {
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/"
                + namespace
                + "/pods/"
                + pod
                + "/log?pretty=false&container=function&tailLines="
                + tail)
        .andReturn(200, text)
        .always();
  }

  /**
   * A kubeconfig with context {@code mock} (current; namespace {@value #CONTEXT_NAMESPACE}) on this
   * server, and context {@code nowhere} on a port where nothing listens.
   */
  Path kubeconfig(Path dir) throws IOException {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        current-context: mock
        clusters:
        - name: mock
          cluster: {server: "%s"}
        - name: nowhere
          cluster: {server: "http://127.0.0.1:9"}
        contexts:
        - name: mock
          context: {cluster: mock, user: tester, namespace: %s}
        - name: nowhere
          context: {cluster: nowhere, user: tester}
        users:
        - name: tester
          user: {token: not-checked}
        """
            .formatted(server.url("/").replaceAll("/$", ""), CONTEXT_NAMESPACE);
    return Files.writeString(dir.resolve("kubeconfig"), yaml);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
