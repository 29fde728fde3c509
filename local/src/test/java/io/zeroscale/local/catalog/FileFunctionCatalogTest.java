package io.zeroscale.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.InvalidFunctionException;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.spi.FunctionCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFunctionCatalogTest {

  @TempDir Path dir;

  private static Function hello(String greeting) {
    return Function.of(
        ObjectMeta.of(null, "hello"),
        new FunctionSpec(
            null,
            List.of("java", "-jar", "hello.jar"),
            null,
            null,
            Map.of("GREETING", greeting),
            null,
            null,
            null));
  }

  @Test
  void functionsSurviveANewCatalogOnTheSameDirectory() {
    try (FileFunctionCatalog first = new FileFunctionCatalog(dir)) {
      first.put(hello("hi"));
      first.updateStatus(
          FunctionKey.of("default", "hello"), new FunctionStatus(1L, 2, 1, "http://x", List.of()));
    }
    assertThat(dir.resolve("default/hello.yaml")).exists();

    try (FileFunctionCatalog second = new FileFunctionCatalog(dir)) {
      Function loaded = second.get(FunctionKey.of("default", "hello")).orElseThrow();
      assertThat(loaded.spec().env()).containsEntry("GREETING", "hi");
      assertThat(loaded.spec().port()).as("defaults filled in").isEqualTo(8080);
      assertThat(loaded.metadata().generation()).isEqualTo(1L);
      assertThat(loaded.status().replicas()).as("status kept across restart").isEqualTo(2);
    }
  }

  @Test
  void putBumpsGenerationOnlyWhenTheSpecChangesAndKeepsStatus() {
    try (FileFunctionCatalog catalog = new FileFunctionCatalog(dir)) {
      FunctionKey key = FunctionKey.of("default", "hello");
      assertThat(catalog.put(hello("hi")).metadata().generation()).isEqualTo(1L);
      catalog.updateStatus(key, new FunctionStatus(1L, 1, 1, null, List.of()));
      assertThat(catalog.put(hello("hi")).metadata().generation()).isEqualTo(1L);
      Function changed = catalog.put(hello("bonjour"));
      assertThat(changed.metadata().generation()).isEqualTo(2L);
      assertThat(changed.status().replicas()).isEqualTo(1);
    }
  }

  @Test
  void invalidFunctionsAreRejectedWithEveryProblemAndNothingIsWritten() {
    try (FileFunctionCatalog catalog = new FileFunctionCatalog(dir)) {
      Function bad =
          Function.of(
              ObjectMeta.of(null, "Bad_Name"),
              new FunctionSpec(
                  null,
                  List.of(),
                  null,
                  70000,
                  null,
                  null,
                  null,
                  new ScalingSpec(-1, null, null, null, null)));
      assertThatThrownBy(() -> catalog.put(bad))
          .isInstanceOf(InvalidFunctionException.class)
          .satisfies(
              e ->
                  assertThat(((InvalidFunctionException) e).errors())
                      .extracting(f -> f.field())
                      .contains("metadata.name", "spec", "spec.port", "spec.scaling.minScale"));
      assertThat(catalog.list()).isEmpty();
    }
    assertThat(dir.resolve("default")).doesNotExist();
  }

  @Test
  void unreadableFilesAreSkippedAtLoad() throws Exception {
    Files.createDirectories(dir.resolve("default"));
    Files.writeString(dir.resolve("default/broken.yaml"), "spec: [not, a, spec");
    try (FileFunctionCatalog catalog = new FileFunctionCatalog(dir)) {
      catalog.put(hello("hi"));
      assertThat(catalog.list())
          .extracting(Function::key)
          .containsExactly(FunctionKey.of("default", "hello"));
    }
  }

  @Test
  void watchReplaysExistingFunctionsThenDeliversChangesInOrder() throws Exception {
    try (FileFunctionCatalog catalog = new FileFunctionCatalog(dir)) {
      catalog.put(hello("hi"));
      List<String> events = new CopyOnWriteArrayList<>();
      FunctionCatalog.Listener listener =
          new FunctionCatalog.Listener() {
            @Override
            public void onUpsert(Function function) {
              events.add("upsert " + function.key() + " " + function.spec().env().get("GREETING"));
            }

            @Override
            public void onDelete(FunctionKey key) {
              events.add("delete " + key);
            }
          };
      AutoCloseable watch = catalog.watch(listener);
      catalog.put(hello("bonjour"));
      assertThat(catalog.delete(FunctionKey.of("default", "hello"))).isTrue();
      assertThat(catalog.delete(FunctionKey.of("default", "hello"))).isFalse();
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(events)
                      .containsExactly(
                          "upsert default/hello hi",
                          "upsert default/hello bonjour",
                          "delete default/hello"));
      watch.close();
      assertThat(dir.resolve("default/hello.yaml")).doesNotExist();
    }
  }
}
