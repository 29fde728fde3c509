package io.zeroscale.router;

import static io.zeroscale.api.testing.InMemoryEndpoints.ready;
import static io.zeroscale.router.testing.TestClient.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.testing.InMemoryCatalog;
import io.zeroscale.api.testing.InMemoryEndpoints;
import io.zeroscale.router.proxy.Handoff;
import io.zeroscale.router.route.RoutingTable;
import io.zeroscale.router.server.Router;
import io.zeroscale.router.testing.Backend;
import io.zeroscale.router.testing.TestClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NativeTransportTest {

  @Test
  void routesOverNativeEpollWhenPreferred() throws Exception {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux")
            && System.getProperty("os.arch").equals("amd64"),
        "the epoll dependency is for linux-x86_64");
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      assertThat(vertx.isNativeTransportEnabled())
          .as("native epoll must load: %s", vertx.unavailableNativeTransportCause())
          .isTrue();
      InMemoryCatalog catalog = new InMemoryCatalog();
      InMemoryEndpoints endpoints = new InMemoryEndpoints();
      catalog.put(InMemoryCatalog.function("default", "hello", "30s", 0));
      Backend backend = Backend.start(vertx, "a");
      endpoints.set(FunctionKey.of("default", "hello"), ready("a", backend.port()));
      RoutingTable table = new RoutingTable(catalog, endpoints, new SimpleMeterRegistry()).start();
      Router router =
          await(
              Router.start(
                  vertx,
                  RouterConfig.defaults().withHost("127.0.0.1").withPort(0),
                  table,
                  Handoff.REJECT));
      TestClient client = new TestClient(vertx, router.port());

      assertThat(await(client.get("/fn/default/hello/epoll")).text()).isEqualTo("a:/epoll");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
