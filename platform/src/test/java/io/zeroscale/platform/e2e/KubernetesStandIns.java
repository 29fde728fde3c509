package io.zeroscale.platform.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.KubeletStandIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

/**
 * A cluster without nodes for the platform on the Kubernetes backend: Fabric8's API server in CRUD
 * mode with the {@code Function} CRD and the {@code deployments/scale} subresource ({@link
 * ApiServer}), and the {@link KubeletStandIn}, which runs {@link #ECHO_IMAGE} as a real {@link
 * EchoFunction} process per pod and publishes its EndpointSlices. The platform connects to it by
 * {@code zeroscale.kubernetes.api-server-url}; a test gets both through a field annotated {@link
 * Cluster}.
 */
public class KubernetesStandIns implements QuarkusTestResourceLifecycleManager {

  /** The image the kubelet stand-in runs as {@link EchoFunction}. */
  static final String ECHO_IMAGE = "zeroscale.test/echo:1";

  /** Marks the test's {@link StandIns} field. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface Cluster {}

  /**
   * The API server and the kubelet stand-in, for a test to read and act on.
   *
   * @param fixture a client for the test's own calls, told apart from the platform's by its user
   *     agent (as is the kubelet stand-in's)
   * @param platformAgent the user agent of the platform's requests (Fabric8's default)
   * @param firstPlatformRequest index in {@link ApiServer#requests()} after the set-up's own
   */
  public record StandIns(
      ApiServer api,
      KubeletStandIn kubelet,
      KubernetesClient fixture,
      String platformAgent,
      int firstPlatformRequest) {

    /** The requests the platform made so far, as {@code METHOD path?query}. */
    public List<String> platformRequests() {
      List<String> mine = api.requestsBy(platformAgent);
      return mine.subList(Math.min(firstPlatformRequest, mine.size()), mine.size());
    }
  }

  private StandIns standIns;

  @Override
  public Map<String, String> start() {
    ApiServer api = ApiServer.start();
    String platformAgent = api.client().getConfiguration().getUserAgent();
    // The CRD was loaded with the default client, whose user agent the platform shares.
    int setUpRequests = api.requestsBy(platformAgent).size();
    List<String> echo =
        List.of(
            PlatformClient.JAVA,
            "-XX:TieredStopAtLevel=1",
            "-Xmx64m",
            "-cp",
            PlatformClient.TEST_CLASSES,
            EchoFunction.class.getName());
    KubeletStandIn kubelet =
        new KubeletStandIn(api.clientAs("kubelet-stand-in"), Map.of(ECHO_IMAGE, echo)).start();
    standIns =
        new StandIns(api, kubelet, api.clientAs("test-fixture"), platformAgent, setUpRequests);
    return Map.of("zeroscale.kubernetes.api-server-url", api.client().getMasterUrl().toString());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        standIns, new TestInjector.AnnotatedAndMatchesType(Cluster.class, StandIns.class));
  }

  @Override
  public void stop() {
    if (standIns != null) {
      standIns.kubelet().close();
      standIns.api().close();
    }
  }
}
