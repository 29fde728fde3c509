package io.zeroscale.platform.ha;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.KubeletStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the packaged-platform tests run against: Fabric8's API server with the CRD, the kubelet
 * stand-in running {@code EchoFunction} processes for the image {@link #IMAGE}, and a client of the
 * test's own (user agent {@code test-fixture}), with readers of what the instances did.
 */
final class StandInCluster implements AutoCloseable {

  static final String IMAGE = "zeroscale.test/echo:1";

  /** The mock API server logs every request at INFO (held here: JUL keeps loggers weakly). */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  final ApiServer api;
  final KubernetesClient fixture;
  private final KubeletStandIn kubelet;

  private StandInCluster(ApiServer api, KubeletStandIn kubelet) {
    this.api = api;
    this.kubelet = kubelet;
    this.fixture = api.clientAs("test-fixture");
  }

  static StandInCluster start() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    ApiServer api = ApiServer.start();
    List<String> echo =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-XX:TieredStopAtLevel=1",
            "-Xmx64m",
            "-cp",
            Path.of("target/test-classes").toAbsolutePath().toString(),
            "io.zeroscale.platform.e2e.EchoFunction");
    KubeletStandIn kubelet =
        new KubeletStandIn(api.clientAs("kubelet-stand-in"), Map.of(IMAGE, echo)).start();
    return new StandInCluster(api, kubelet);
  }

  String url() {
    return api.client().getMasterUrl().toString();
  }

  /** The holder of the Lease {@code zeroscale-leader} in {@code namespace}, or "". */
  String leader(String namespace) {
    Lease lease = fixture.leases().inNamespace(namespace).withName("zeroscale-leader").get();
    return lease == null || lease.getSpec().getHolderIdentity() == null
        ? ""
        : lease.getSpec().getHolderIdentity();
  }

  /** What the instance wrote, leader election aside, as {@code METHOD path} (query dropped). */
  List<String> writes(String instance) {
    return api.requestsBy(instance).stream()
        .filter(r -> !r.startsWith("GET "))
        .filter(r -> !r.contains("/leases"))
        .map(r -> r.contains("?") ? r.substring(0, r.indexOf('?')) : r)
        .toList();
  }

  @Override
  public void close() {
    kubelet.close();
    api.close();
  }
}
