package io.zeroscale.kubernetes.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Reads what ships: the objects of a kustomization's files (as Fabric8's typed models), its listed
 * entries, the platform's settings; and the parts of a platform Deployment the tests look at.
 */
final class ShippedManifests {

  /** Relative to the kubernetes module (Surefire runs in the module's directory). */
  static final Path MANIFESTS = Path.of("../manifests");

  static final Path PLATFORM_BASE = MANIFESTS.resolve("platform");
  static final Path DEV_OVERLAY = MANIFESTS.resolve("overlays/dev");
  static final Path CRD = MANIFESTS.resolve("crd");
  static final Path PLATFORM_MODULE = Path.of("../platform");
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  static final String ROUTER = "zeroscale-router";
  static final String CONTROL = "zeroscale-control";
  static final String DATA_PATH = "zeroscale-data-path";

  static {
    // The sample Functions read as FunctionResource.
    YAML.registerKubernetesResource(FunctionResource.class);
  }

  private ShippedManifests() {}

  /** The objects of the platform base, as its kustomization lists them. */
  static List<HasMetadata> platformObjects() throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : entries(PLATFORM_BASE, "resources")) {
      objects.addAll(read(PLATFORM_BASE.resolve(file)));
    }
    return objects;
  }

  static List<Deployment> deployments() throws IOException {
    return platformObjects().stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .toList();
  }

  static Deployment deployment(String name) throws IOException {
    return named(Deployment.class, name);
  }

  static <T extends HasMetadata> T named(Class<T> type, String name) throws IOException {
    return named(platformObjects(), type, name);
  }

  static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  /** Every object of a YAML file (one or several documents). */
  static List<HasMetadata> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object read = YAML.unmarshal(in);
      return read instanceof List<?> list
          ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) read);
    }
  }

  static Map<?, ?> kustomization(Path directory) throws IOException {
    return YAML.unmarshal(Files.readString(directory.resolve("kustomization.yaml")), Map.class);
  }

  /** The paths a kustomization lists under {@code field} ({@code resources} or {@code patches}). */
  static List<String> entries(Path directory, String field) throws IOException {
    return ShippedRbac.listed(kustomization(directory), field);
  }

  static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  static Properties platformSettings() throws IOException {
    Properties settings = new Properties();
    settings.load(
        new StringReader(
            Files.readString(
                PLATFORM_MODULE.resolve("src/main/resources/application.properties"))));
    return settings;
  }

  // --- a platform Deployment ---------------------------------------------------------------

  static Container container(Deployment d) {
    assertThat(pod(d).getContainers()).as(name(d) + ": one container").hasSize(1);
    return pod(d).getContainers().get(0);
  }

  static PodSpec pod(Deployment d) {
    return d.getSpec().getTemplate().getSpec();
  }

  static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  static String env(Deployment d, String name) {
    return envVar(d, name).getValue();
  }

  static String fieldRef(Deployment d, String name) {
    return envVar(d, name).getValueFrom().getFieldRef().getFieldPath();
  }

  private static EnvVar envVar(Deployment d, String name) {
    return container(d).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name(d) + " sets no " + name));
  }

  /** The container port a Service's or probe's port names (by number or by name). */
  static int portNumber(Deployment d, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container(d).getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .mapToInt(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name(d) + " has no port named " + port.getStrVal()));
  }

  /** The labels select the pods of {@code deployment} and of no other platform Deployment. */
  static void assertSelectsOnly(Map<String, String> selector, String deployment)
      throws IOException {
    assertThat(selector).as("selector of " + deployment + "'s pods").isNotEmpty();
    for (Deployment d : deployments()) {
      Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
      boolean selects = labels.entrySet().containsAll(selector.entrySet());
      assertThat(selects)
          .as(selector + " selects " + name(d))
          .isEqualTo(name(d).equals(deployment));
    }
  }
}
