package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fabric8's API server in CRUD mode with the generated {@code Function} CRD loaded first (without
 * it the mock would store status on create and update, which a real API server never does). It runs
 * no controllers: no Deployment controller, kubelet, EndpointSlice controller or garbage collector;
 * tests that want replicas or endpoints write them.
 */
public final class ApiServer implements AutoCloseable {

  /** Where the CRD generator writes the CRD, on the test class path. */
  public static final String GENERATED_CRD = "/META-INF/fabric8/functions.zeroscale.io-v1.yml";

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<String> requests = new ArrayList<>();
  private final List<String> userAgents = new ArrayList<>();
  private final List<KubernetesClient> extraClients = new ArrayList<>();

  private final ScaleSubresourceDispatcher dispatcher = new ScaleSubresourceDispatcher();

  private ApiServer() {
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    client = server.createClient();
    try (InputStream crd = ApiServer.class.getResourceAsStream(GENERATED_CRD)) {
      if (crd == null) {
        throw new IllegalStateException(GENERATED_CRD + " is missing; run the build (mvn install)");
      }
      CustomResourceDefinition loaded =
          client.apiextensions().v1().customResourceDefinitions().load(crd).item();
      client.apiextensions().v1().customResourceDefinitions().resource(loaded).create();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ApiServer start() {
    return new ApiServer();
  }

  public KubernetesClient client() {
    return client;
  }

  /**
   * Every request the server received since the last call, as {@code METHOD path?query}, in order
   * (the recorded list is cumulative across calls).
   */
  public synchronized List<String> requests() {
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
        requests.add(r.getMethod() + " " + r.getPath());
        userAgents.add(r.getHeader("User-Agent"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.copyOf(requests);
  }

  /**
   * A client of this server whose requests carry {@code userAgent}, so that {@link #requestsBy}
   * tells them from the fixtures' own.
   */
  public synchronized KubernetesClient clientAs(String userAgent) {
    KubernetesClient c =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration()).withUserAgent(userAgent).build())
            .build();
    extraClients.add(c);
    return c;
  }

  /**
   * Cuts the clients made by {@link #clientAs}{@code (userAgent)} off: every request of theirs gets
   * {@code 503} from now on, as when the API server cannot be reached.
   */
  public void cutOff(String userAgent) {
    dispatcher.cutOff(userAgent);
  }

  /** Every request made by a client from {@link #clientAs}, as in {@link #requests()}. */
  public synchronized List<String> requestsBy(String userAgent) {
    List<String> all = requests();
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (userAgent.equals(userAgents.get(i))) {
        mine.add(all.get(i));
      }
    }
    return mine;
  }

  /** Recorded requests that write (not GET), from index {@code from} of {@link #requests()}. */
  public List<String> writesSince(int from) {
    List<String> all = requests();
    return all.subList(from, all.size()).stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  @Override
  public void close() {
    extraClients.forEach(c -> closeQuietly(c::close));
    closeQuietly(client::close);
    closeQuietly(server::destroy);
  }

  /**
   * Under heavy load a task scheduled while the mock's or a client's event loop shuts down is
   * refused ({@code RejectedExecutionException: event executor terminated}); the test is over by
   * then, so that refusal is logged, not thrown.
   */
  private static void closeQuietly(Runnable close) {
    try {
      close.run();
    } catch (RejectedExecutionException e) {
      Logger.getLogger(ApiServer.class).debugf("refused while closing: %s", e.getMessage());
    }
  }
}
