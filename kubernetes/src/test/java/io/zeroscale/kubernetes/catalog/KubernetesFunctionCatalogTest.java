package io.zeroscale.kubernetes.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.Condition;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.FunctionCatalog;
import io.zeroscale.kubernetes.KubernetesBackendConfig;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.ApiServer;
import io.zeroscale.kubernetes.testing.SampleFunctions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesFunctionCatalogTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  private ApiServer api;
  private KubernetesFunctionCatalog catalog;

  @BeforeEach
  void start() {
    api = ApiServer.start();
  }

  @AfterEach
  void stop() {
    if (catalog != null) {
      catalog.close();
    }
    api.close();
  }

  private KubernetesFunctionCatalog catalog() {
    catalog =
        new KubernetesFunctionCatalog(api.client(), KubernetesBackendConfig.defaults()).start();
    return catalog;
  }

  @Test
  void listsFunctionsThatExistedBeforeItStartedWithDefaultsFilledIn() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    create(SampleFunctions.hello("team-a", "echo", "example.org/echo:1"));

    List<Function> listed = catalog().list();

    assertThat(listed)
        .extracting(Function::key)
        .containsExactly(FunctionKey.of("default", "hello"), FunctionKey.of("team-a", "echo"));
    assertThat(catalog.get(HELLO))
        .get()
        .satisfies(f -> assertThat(f.spec().image()).isEqualTo("example.org/hello:1"))
        .satisfies(f -> assertThat(f.metadata().generation()).isNotNull());
  }

  @Test
  void watchGivesTheSnapshotFirstThenEachChange() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    catalog();
    Recorder events = new Recorder();
    catalog.watch(events);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.seen.size() == 1);

    create(SampleFunctions.hello("default", "second", "example.org/hello:1"));
    api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .withName("hello")
        .delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(events.seen)
                    .containsExactly(
                        "upsert default/hello", "upsert default/second", "delete default/hello"));
  }

  @Test
  void putCreatesTheResourceAndReplacesItsSpecKeepingTheStatus() {
    catalog();
    Function stored = catalog.put(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    assertThat(stored.spec().port()).isEqualTo(8080);
    catalog.updateStatus(
        HELLO, new FunctionStatus(1L, 0, 0, "http://r/fn/default/hello/", List.of()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catalog.get(HELLO).map(f -> f.status() != null).orElse(false));

    catalog.put(SampleFunctions.hello("default", "hello", "example.org/hello:2"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              FunctionResource r = resource("hello");
              assertThat(r.getSpec().image()).isEqualTo("example.org/hello:2");
              assertThat(r.getStatus().url())
                  .as("status kept by a spec update")
                  .isEqualTo("http://r/fn/default/hello/");
            });
  }

  @Test
  void putRejectsAnInvalidFunctionListingEveryProblem() {
    catalog();
    Function invalid =
        Function.of(
            io.zeroscale.api.function.ObjectMeta.of("default", "Bad_Name"),
            new FunctionSpec(
                null, null, null, 0, null, "soon", null, new ScalingSpec(3, 1, null, null, null)));

    assertThatThrownBy(() -> catalog.put(invalid))
        .isInstanceOf(InvalidFunctionException.class)
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("spec.port")
        .hasMessageContaining("spec.timeout")
        .hasMessageContaining("spec.scaling.maxScale")
        .hasMessageContaining("spec.image: is required on the Kubernetes backend");
    assertThat(api.client().resources(FunctionResource.class).inAnyNamespace().list().getItems())
        .isEmpty();
  }

  @Test
  void aKafkaTriggerIsStoredWithItsDefaultsAndReadBack() {
    catalog();

    catalog.put(
        SampleFunctions.withKafkaTrigger(
            SampleFunctions.hello("default", "hello", "example.org/hello:1"),
            SampleFunctions.kafka("kafka:9092", "orders")));

    KafkaTriggerSpec stored = resource("hello").getSpec().kafkaTrigger();
    assertThat(stored.topics()).containsExactly("orders");
    assertThat(stored.consumerGroup()).isEqualTo("zeroscale-default-hello");
    assertThat(stored.retry().maxRetries()).isEqualTo(3);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(catalog.get(HELLO))
                    .get()
                    .extracting(f -> f.spec().kafkaTrigger().deadLetterTopic())
                    .isEqualTo("zeroscale-default-hello-dlq"));
  }

  @Test
  void putRejectsASpecEnvEntryThePlatformSets() {
    catalog();
    Function sneaky =
        Function.of(
            io.zeroscale.api.function.ObjectMeta.of("default", "hello"),
            new FunctionSpec(
                "example.org/hello:1",
                null,
                null,
                8080,
                Map.of("ZEROSCALE_KAFKA_GROUP_ID", "someone-elses-group"),
                null,
                null,
                null));

    assertThatThrownBy(() -> catalog.put(sneaky))
        .isInstanceOf(InvalidFunctionException.class)
        .hasMessageContaining("spec.env.ZEROSCALE_KAFKA_GROUP_ID: is set by the platform");
    assertThat(resource("hello")).isNull();
  }

  @Test
  void updateStatusGoesThroughTheStatusSubresourceAndLeavesTheSpecAlone() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    catalog();
    int before = api.requests().size();
    FunctionStatus status =
        new FunctionStatus(
            1L,
            2,
            1,
            "http://r/fn/default/hello/",
            List.of(
                new Condition(
                    Condition.READY,
                    "True",
                    "Serving",
                    "1 replica(s) ready",
                    "2026-01-01T00:00:00Z")));

    catalog.updateStatus(HELLO, status);

    assertThat(api.writesSince(before))
        .singleElement()
        .asString()
        .isEqualTo("PUT /apis/zeroscale.io/v1alpha1/namespaces/default/functions/hello/status");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(catalog.get(HELLO))
                    .get()
                    .extracting(Function::status)
                    .isEqualTo(status));
    assertThat(resource("hello").getSpec().image()).isEqualTo("example.org/hello:1");
  }

  @Test
  void aResourceTheValidatorRejectsIsNotPassedOnAndTheLastValidVersionStays() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    catalog();
    FunctionResource r = resource("hello");
    r.setSpec(new FunctionSpec("example.org/hello:2", null, null, 99999, null, null, null, null));
    api.client().resources(FunctionResource.class).inNamespace("default").resource(r).update();
    create(SampleFunctions.hello("default", "later", "example.org/hello:1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> catalog.get(FunctionKey.of("default", "later")).isPresent());

    assertThat(catalog.get(HELLO))
        .get()
        .extracting(f -> f.spec().image())
        .isEqualTo("example.org/hello:1");
  }

  @Test
  void deleteRemovesTheResourceAndSaysWhetherThereWasOne() {
    create(SampleFunctions.hello("default", "hello", "example.org/hello:1"));
    catalog();

    assertThat(catalog.delete(HELLO)).isTrue();
    assertThat(catalog.delete(HELLO)).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> catalog.get(HELLO).isEmpty());
  }

  private void create(Function function) {
    api.client()
        .resources(FunctionResource.class)
        .inNamespace(function.key().namespace())
        .resource(FunctionResource.of(function))
        .create();
  }

  private FunctionResource resource(String name) {
    return api.client()
        .resources(FunctionResource.class)
        .inNamespace("default")
        .withName(name)
        .get();
  }

  private static final class Recorder implements FunctionCatalog.Listener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onUpsert(Function function) {
      seen.add("upsert " + function.key());
    }

    @Override
    public void onDelete(FunctionKey key) {
      seen.add("delete " + key);
    }
  }
}
