package io.zeroscale.kubernetes.manifests;

import static io.zeroscale.kubernetes.manifests.ShippedManifests.MANIFESTS;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.YAML;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every YAML under manifests/ reads as Fabric8's typed models with no field they do not know: a
 * typo would be pruned or rejected by the API server, and nothing here runs one.
 */
class ManifestModelsTest {

  @Test
  void everyManifestReadsAsTypedObjectsWithoutUnknownFields() throws IOException {
    List<Path> files = ShippedManifests.yamlFiles(MANIFESTS);
    assertThat(files).as("manifests found").hasSizeGreaterThan(15);
    int documents = 0;
    for (Path file : files) {
      if (file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
        if (document.isBlank()) {
          continue;
        }
        documents++;
        HasMetadata object = YAML.unmarshal(document);
        assertThat(object.getClass().getName())
            .as(file + ": a typed model, not a generic resource")
            .doesNotContain("GenericKubernetesResource");
        assertThat(unknownFields(object, ""))
            .as(file + ": fields the model keeps as unknown")
            .isEmpty();
        assertThat(dropped(YAML.unmarshal(document, JsonNode.class), tree(object), ""))
            .as(file + ": fields the model dropped while reading")
            .isEmpty();
      }
    }
    assertThat(documents)
        .as("documents read, several files holding more than one")
        .isGreaterThan(files.size());
  }

  /**
   * Paths of fields a model kept in its {@code additionalProperties} (Fabric8's models keep what
   * they do not know there rather than failing), walking the model's getters.
   */
  private static List<String> unknownFields(Object model, String path) {
    List<String> unknown = new ArrayList<>();
    if (model == null
        || !model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return unknown;
    }
    for (Method getter : model.getClass().getMethods()) {
      if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String field = path + "." + getter.getName().substring(3);
      if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> m) {
        m.keySet().forEach(k -> unknown.add(path + "." + k));
      } else if (value instanceof Collection<?> c) {
        c.forEach(v -> unknown.addAll(unknownFields(v, field)));
      } else if (value instanceof Map<?, ?> m) {
        m.values().forEach(v -> unknown.addAll(unknownFields(v, field)));
      } else {
        unknown.addAll(unknownFields(value, field));
      }
    }
    return unknown;
  }

  /**
   * Paths of fields in {@code raw} that {@code typed} (the model written back) lacks; explicit
   * nulls aside.
   */
  private static List<String> dropped(JsonNode raw, JsonNode typed, String path) {
    List<String> missing = new ArrayList<>();
    if (raw.isObject()) {
      raw.fieldNames()
          .forEachRemaining(
              name -> {
                if (raw.get(name).isNull()) {
                  // An explicit null (a patch deleting a field) has nothing to keep.
                  return;
                }
                if (!typed.has(name)) {
                  missing.add(path + "." + name);
                } else {
                  missing.addAll(dropped(raw.get(name), typed.get(name), path + "." + name));
                }
              });
    } else if (raw.isArray()) {
      for (int i = 0; i < raw.size(); i++) {
        missing.addAll(dropped(raw.get(i), typed.path(i), path + "[" + i + "]"));
      }
    }
    return missing;
  }

  private static JsonNode tree(HasMetadata object) {
    return YAML.unmarshal(YAML.asJson(object), JsonNode.class);
  }
}
