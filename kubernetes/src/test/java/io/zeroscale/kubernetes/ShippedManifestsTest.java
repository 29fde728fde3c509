package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.kubernetes.crd.FunctionResource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What ships under manifests/: every YAML reads as Fabric8's typed models with no field they do not
 * know (a typo would be pruned or rejected by the API server), the base kustomization lists every
 * manifest of the platform, and the roles grant exactly what the code uses ({@link
 * RequiredAccessTest}'s table, recorded on the API server): no missing permission, no extra one.
 */
class ShippedManifestsTest {

  private static final Path MANIFESTS = Path.of("../manifests");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  static {
    // The sample Functions read as FunctionResource.
    YAML.registerKubernetesResource(FunctionResource.class);
  }

  @Test
  void everyManifestReadsAsTypedObjectsWithoutUnknownFields() throws IOException {
    List<Path> files = yamlFiles();
    assertThat(files).as("manifests found").hasSizeGreaterThan(5);
    for (Path file : files) {
      if (file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
        if (document.isBlank()) {
          continue;
        }
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
  }

  @Test
  void theBaseListsEveryPlatformManifestAndTheCrd() throws IOException {
    Map<?, ?> kustomization =
        YAML.unmarshal(Files.readString(MANIFESTS.resolve("kustomization.yaml")), Map.class);
    List<String> resources =
        ((List<?>) kustomization.get("resources")).stream().map(String.class::cast).toList();

    List<String> platform;
    try (Stream<Path> s = Files.list(MANIFESTS.resolve("platform"))) {
      platform = s.map(p -> "platform/" + p.getFileName()).sorted().toList();
    }
    assertThat(resources).as("resources of manifests/kustomization.yaml").containsAll(platform);
    assertThat(resources).contains("crd/functions.zeroscale.io-v1alpha1.yml");
    resources.forEach(r -> assertThat(MANIFESTS.resolve(r)).exists());
  }

  @Test
  void theRolesGrantExactlyWhatTheCodeUses() throws IOException {
    Set<String> granted = new TreeSet<>();
    for (HasMetadata object : platformObjects()) {
      if (object instanceof ClusterRole role) {
        granted.addAll(permissions(role.getRules()));
      } else if (object instanceof Role role) {
        granted.addAll(permissions(role.getRules()));
      }
    }

    assertThat(granted).isEqualTo(RequiredAccessTest.ALL);
  }

  @Test
  void theRolesAreBoundToThePlatformsServiceAccount() throws IOException {
    List<String> bound = new ArrayList<>();
    for (HasMetadata object : platformObjects()) {
      if (object instanceof ClusterRoleBinding b) {
        bound.add(b.getRoleRef().getName() + "->" + b.getSubjects().get(0).getName());
      } else if (object instanceof RoleBinding b) {
        bound.add(b.getRoleRef().getName() + "->" + b.getSubjects().get(0).getName());
      }
    }

    assertThat(bound)
        .containsExactlyInAnyOrder(
            "zeroscale-platform->zeroscale-platform",
            "zeroscale-leader-election->zeroscale-platform");
  }

  /**
   * {@code resource[.group][/subresource]:verb} for each rule, as {@code ApiAccess} writes them.
   */
  private static Set<String> permissions(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          String[] parts = resource.split("/", 2);
          String name =
              parts[0]
                  + (group.isEmpty() ? "" : "." + group)
                  + (parts.length > 1 ? "/" + parts[1] : "");
          rule.getVerbs().forEach(verb -> out.add(name + ":" + verb));
        }
      }
    }
    return out;
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

  /** Paths of fields in {@code raw} that {@code typed} (the model written back) lacks. */
  private static List<String> dropped(JsonNode raw, JsonNode typed, String path) {
    List<String> missing = new ArrayList<>();
    if (raw.isObject()) {
      raw.fieldNames()
          .forEachRemaining(
              name -> {
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

  private static List<HasMetadata> platformObjects() throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> s = Files.list(MANIFESTS.resolve("platform"))) {
      for (Path file : s.sorted().toList()) {
        objects.addAll(read(file));
      }
    }
    return objects;
  }

  private static List<HasMetadata> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object read = YAML.unmarshal(in);
      return read instanceof List<?> list
          ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) read);
    }
  }

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> s = Files.walk(MANIFESTS)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
