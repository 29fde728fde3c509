package io.zeroscale.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.kubernetes.crd.FunctionResource;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.testing.ApiAccess;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What ships under manifests/ and platform/src/main/docker/: every YAML reads as Fabric8's typed
 * models with no field they do not know (a typo would be pruned or rejected by the API server); the
 * kustomizations list every file; the roles grant exactly what the code uses ({@link
 * RequiredAccessTest}'s table, recorded on the API server) to the ServiceAccount the platform's
 * Deployments run as; the Deployments run every role, probe endpoints the platform serves, and
 * agree with their Services, PodDisruptionBudgets and the container image. No cluster runs any of
 * it here.
 */
class ShippedManifestsTest {

  private static final Path MANIFESTS = Path.of("../manifests");
  private static final Path PLATFORM = Path.of("../platform");
  private static final Path DOCKERFILE = PLATFORM.resolve("src/main/docker/Dockerfile.jvm");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final String ROUTER = "zeroscale-router";
  private static final String CONTROL = "zeroscale-control";

  static {
    // The sample Functions read as FunctionResource.
    YAML.registerKubernetesResource(FunctionResource.class);
  }

  @Test
  void everyManifestReadsAsTypedObjectsWithoutUnknownFields() throws IOException {
    List<Path> files = yamlFiles(MANIFESTS);
    assertThat(files).as("manifests found").hasSizeGreaterThan(15);
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
  void theRolesGrantExactlyWhatTheCodeUses() throws IOException {
    Set<String> granted = new TreeSet<>();
    for (HasMetadata object : platformObjects()) {
      if (object instanceof ClusterRole role) {
        granted.addAll(ApiAccess.granted(role.getRules()));
      } else if (object instanceof Role role) {
        granted.addAll(ApiAccess.granted(role.getRules()));
      }
    }

    assertThat(granted).isEqualTo(RequiredAccessTest.ALL);
  }

  @Test
  void theRolesAreBoundToThePlatformsServiceAccount() throws IOException {
    List<String> bound = new ArrayList<>();
    for (HasMetadata object : platformObjects()) {
      if (object instanceof ClusterRoleBinding b) {
        bound.add(b.getRoleRef().getName() + "->" + subject(b.getSubjects()));
      } else if (object instanceof RoleBinding b) {
        bound.add(b.getRoleRef().getName() + "->" + subject(b.getSubjects()));
      }
    }

    assertThat(bound)
        .containsExactlyInAnyOrder(
            "zeroscale-platform->zeroscale/zeroscale-platform",
            "zeroscale-leader-election->zeroscale/zeroscale-platform");
  }

  /** Every kustomization lists what its directory holds and only files that exist. */
  @Nested
  class Kustomizations {

    @Test
    void theRootInstallsTheCrdAndThePlatformBase() throws IOException {
      assertThat(entries(MANIFESTS, "resources"))
          .containsExactly("crd/functions.zeroscale.io-v1alpha1.yml", "platform");
      assertThat(entries(MANIFESTS, "patches")).isEmpty();
    }

    @Test
    void eachKustomizationListsEveryFileOfItsDirectory() throws IOException {
      List<Path> directories = kustomizationDirectories();
      assertThat(directories)
          .as("directories with a kustomization.yaml")
          .contains(MANIFESTS, MANIFESTS.resolve("platform"), MANIFESTS.resolve("overlays/dev"));
      for (Path directory : directories) {
        List<String> listed = new ArrayList<>(entries(directory, "resources"));
        listed.addAll(entries(directory, "patches"));
        listed.forEach(
            entry ->
                assertThat(directory.resolve(entry))
                    .as(directory + "/kustomization.yaml names " + entry)
                    .exists());
        try (Stream<Path> s = Files.list(directory)) {
          List<String> files =
              s.map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                  // The samples are applied on their own, once the CRD is established.
                  .filter(n -> !n.startsWith("sample-"))
                  .toList();
          assertThat(listed).as(directory + "/kustomization.yaml").containsAll(files);
        }
      }
    }

    @Test
    void everyDirectoryWithManifestsHasAKustomizationOrIsTheGeneratedCrd() throws IOException {
      for (Path file : yamlFiles(MANIFESTS)) {
        Path directory = file.getParent();
        if (!directory.equals(MANIFESTS.resolve("crd"))) {
          assertThat(directory.resolve("kustomization.yaml")).as(file + "'s directory").exists();
        }
      }
    }

    /**
     * What kustomize does with the dev overlay, checked on the files (no kustomize needed): its
     * image, replica counts and patches all name something the base has.
     */
    @Test
    void theDevOverlayChangesWhatTheBaseHas() throws IOException {
      Path dev = MANIFESTS.resolve("overlays/dev");
      assertThat(entries(dev, "resources")).containsExactly("../../platform");
      Map<?, ?> overlay = kustomization(dev);
      List<Deployment> deployments = deployments();

      for (Object image : (List<?>) overlay.get("images")) {
        String name = (String) ((Map<?, ?>) image).get("name");
        assertThat(deployments)
            .as("Deployments whose image the overlay's %s replaces", name)
            .allSatisfy(d -> assertThat(container(d).getImage()).startsWith(name + ":"));
      }
      Set<String> names = new TreeSet<>();
      deployments.forEach(d -> names.add(d.getMetadata().getName()));
      for (Object replicas : (List<?>) overlay.get("replicas")) {
        assertThat(names).contains((String) ((Map<?, ?>) replicas).get("name"));
      }
      for (String patch : entries(dev, "patches")) {
        HasMetadata patched = read(dev.resolve(patch)).get(0);
        HasMetadata base = named(patched.getClass(), patched.getMetadata().getName());
        assertThat(patched.getMetadata().getNamespace())
            .isEqualTo(base.getMetadata().getNamespace());
        if (patched instanceof Deployment d) {
          assertThat(container(d).getName()).isEqualTo(container((Deployment) base).getName());
        }
      }
    }

    /** The real kustomize (kubectl's) renders both, where kubectl is installed. */
    @Test
    void kubectlKustomizeRendersTheBaseAndTheDevOverlay() throws Exception {
      assumeThat(onPath("kubectl")).as("kubectl on the PATH").isTrue();

      List<HasMetadata> base = kustomize(MANIFESTS);
      assertThat(base).hasSize(platformObjects().size() + 1);
      assertThat(base).filteredOn(CustomResourceDefinition.class::isInstance).hasSize(1);

      List<HasMetadata> dev = kustomize(MANIFESTS.resolve("overlays/dev"));
      assertThat(dev).hasSize(platformObjects().size());
      Deployment router = rendered(dev, Deployment.class, ROUTER);
      assertThat(router.getSpec().getReplicas()).isEqualTo(1);
      assertThat(router.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(router.getSpec().getStrategy().getRollingUpdate()).isNull();
      assertThat(env(router, "ZEROSCALE_ROLES"))
          .as("the one instance runs every role")
          .isEqualTo("router,activator,autoscaler,controller");
      assertThat(fieldRef(router, "ZEROSCALE_KUBERNETES_LEASE_NAMESPACE"))
          .isEqualTo("metadata.namespace");
      assertThat(container(router).getImage()).isEqualTo("zeroscale/platform:dev");
      assertThat(container(router).getResources().getRequests().get("cpu")).hasToString("100m");
      assertThat(rendered(dev, Deployment.class, CONTROL).getSpec().getReplicas()).isZero();
      assertThat(rendered(dev, Service.class, CONTROL).getSpec().getSelector())
          .as("the control API on the one instance")
          .isEqualTo(router.getSpec().getTemplate().getMetadata().getLabels());
    }
  }

  /** The platform's two Deployments, their Services and PodDisruptionBudgets. */
  @Nested
  class PlatformWorkloads {

    @Test
    void theDeploymentsRunAsTheServiceAccountTheRolesAreBoundTo() throws IOException {
      ServiceAccount account = only(ServiceAccount.class);
      String subject = account.getMetadata().getNamespace() + "/" + account.getMetadata().getName();
      for (HasMetadata object : platformObjects()) {
        if (object instanceof ClusterRoleBinding b) {
          assertThat(subject(b.getSubjects())).isEqualTo(subject);
        } else if (object instanceof RoleBinding b) {
          assertThat(subject(b.getSubjects())).isEqualTo(subject);
        }
      }
      assertThat(deployments())
          .hasSize(2)
          .allSatisfy(
              d -> {
                assertThat(d.getMetadata().getNamespace() + "/" + pod(d).getServiceAccountName())
                    .isEqualTo(subject);
                assertThat(pod(d).getAutomountServiceAccountToken()).isNotEqualTo(false);
              });
    }

    @Test
    void routersRunTheRequestPathAndControlRunsTheLeaderElectedParts() throws IOException {
      Deployment router = deployment(ROUTER);
      Deployment control = deployment(CONTROL);

      assertThat(env(router, "ZEROSCALE_ROLES")).isEqualTo("router,activator");
      assertThat(env(control, "ZEROSCALE_ROLES")).isEqualTo("autoscaler,controller");
      assertThat(List.of(router, control))
          .allSatisfy(d -> assertThat(env(d, "ZEROSCALE_BACKEND")).isEqualTo("kubernetes"));
      assertThat(router.getSpec().getReplicas()).as("routers").isGreaterThanOrEqualTo(2);
      assertThat(control.getSpec().getReplicas()).as("leader and stand-by").isEqualTo(2);
    }

    @Test
    void everySettingTheDeploymentsSetIsADocumentedOne() throws IOException {
      // An environment variable naming no setting is silently ignored: compare each the base and
      // the dev overlay set with the settings docs/configuration.md documents, in their
      // environment-variable spelling.
      Set<String> documented = new TreeSet<>();
      Matcher row =
          Pattern.compile("(?m)^\\| `([a-z][\\w.-]*)` \\|")
              .matcher(Files.readString(Path.of("../docs/configuration.md")));
      while (row.find()) {
        documented.add(row.group(1).toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
      }
      List<Deployment> deployments = new ArrayList<>(deployments());
      Path dev = MANIFESTS.resolve("overlays/dev");
      for (String patch : entries(dev, "patches")) {
        if (read(dev.resolve(patch)).get(0) instanceof Deployment d) {
          deployments.add(d);
        }
      }
      assertThat(deployments).hasSizeGreaterThan(2);
      for (Deployment d : deployments) {
        for (EnvVar variable : container(d).getEnv()) {
          assertThat(documented)
              .as(name(d) + " sets " + variable.getName())
              .contains(variable.getName());
        }
      }
    }

    @Test
    void theLeaderIsElectedOnTheLeaseTheRoleGrantsInControlsNamespace() throws IOException {
      Deployment control = deployment(CONTROL);
      Role role = named(Role.class, "zeroscale-leader-election");
      String leaseName = LeaseConfig.defaults("any", "any").name();

      assertThat(fieldRef(control, "ZEROSCALE_KUBERNETES_LEASE_NAMESPACE"))
          .isEqualTo("metadata.namespace");
      assertThat(role.getMetadata().getNamespace()).isEqualTo(control.getMetadata().getNamespace());
      assertThat(role.getRules())
          .anySatisfy(rule -> assertThat(rule.getResourceNames()).containsExactly(leaseName));
    }

    @Test
    void statusUrlsNameTheRouterServiceFromAnyNamespace() throws IOException {
      Service router = named(Service.class, ROUTER);
      String url = "http://" + name(router) + "." + router.getMetadata().getNamespace() + ".svc";

      assertThat(env(deployment(CONTROL), "ZEROSCALE_KUBERNETES_ROUTER_URL")).isEqualTo(url);
      assertThat(deployments())
          .allSatisfy(d -> assertThat(env(d, "ZEROSCALE_ROUTER_PUBLIC_URL")).isEqualTo(url));
    }

    @Test
    void theProbesAskTheHealthEndpointsThePlatformServes() throws IOException {
      Properties settings = platformSettings();
      // The paths are Quarkus's (smallrye-health) as long as none of these settings moves them.
      assertThat(Files.readString(PLATFORM.resolve("pom.xml"))).contains("quarkus-smallrye-health");
      assertThat(settings.stringPropertyNames())
          .noneMatch(key -> key.matches("(%[\\w-]+\\.)?quarkus\\.http\\..*root-path"))
          .noneMatch(key -> key.matches("(%[\\w-]+\\.)?quarkus\\.smallrye-health\\..*path"));
      String controlPort = settings.getProperty("quarkus.http.port");

      for (Deployment d : deployments()) {
        Container c = container(d);
        assertThat(env(d, "QUARKUS_HTTP_PORT")).as(name(d)).isEqualTo(controlPort);
        assertProbe(d, c.getReadinessProbe(), "/q/health/ready", controlPort);
        assertProbe(d, c.getLivenessProbe(), "/q/health/live", controlPort);
        assertProbe(d, c.getStartupProbe(), "/q/health/live", controlPort);
      }
      Deployment router = deployment(ROUTER);
      assertThat(portNumber(router, new IntOrString("http")))
          .as("the router's http port is where it listens")
          .isEqualTo(Integer.parseInt(env(router, "ZEROSCALE_ROUTER_PORT")));
    }

    @Test
    void theServicesSendToThePortsOfTheirOwnPods() throws IOException {
      Service router = named(Service.class, ROUTER);
      Service control = named(Service.class, CONTROL);

      assertThat(router.getSpec().getPorts().get(0).getPort()).isEqualTo(80);
      assertThat(portNumber(deployment(ROUTER), router.getSpec().getPorts().get(0).getTargetPort()))
          .isEqualTo(Integer.parseInt(env(deployment(ROUTER), "ZEROSCALE_ROUTER_PORT")));
      assertThat(control.getSpec().getPorts().get(0).getPort()).isEqualTo(8081);
      assertThat(
              portNumber(deployment(CONTROL), control.getSpec().getPorts().get(0).getTargetPort()))
          .isEqualTo(Integer.parseInt(env(deployment(CONTROL), "QUARKUS_HTTP_PORT")));
      assertSelectsOnly(router.getSpec().getSelector(), ROUTER);
      assertSelectsOnly(control.getSpec().getSelector(), CONTROL);
    }

    @Test
    void eachBudgetAndEachDeploymentSelectsItsOwnPodsOnly() throws IOException {
      assertSelectsOnly(
          named(PodDisruptionBudget.class, ROUTER).getSpec().getSelector().getMatchLabels(),
          ROUTER);
      assertSelectsOnly(
          named(PodDisruptionBudget.class, CONTROL).getSpec().getSelector().getMatchLabels(),
          CONTROL);
      for (Deployment d : deployments()) {
        assertSelectsOnly(d.getSpec().getSelector().getMatchLabels(), name(d));
      }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFileSystemWithRequests() throws IOException {
      for (Deployment d : deployments()) {
        PodSpec pod = pod(d);
        Container c = container(d);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name(d)).isTrue();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name(d)).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name(d)).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts())
            .as(name(d) + ": /tmp, the JVM's temporary files, writable")
            .anySatisfy(
                m -> {
                  assertThat(m.getMountPath()).isEqualTo("/tmp");
                  assertThat(volume(pod, m.getName()).getEmptyDir()).isNotNull();
                });
        assertThat(c.getResources().getRequests()).as(name(d)).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).as(name(d)).containsKey("memory");
      }
    }

    @Test
    void theGracePeriodCoversThePreStopSleepAndThePlatformsShutdown() throws IOException {
      Duration shutdown = seconds(platformSettings().getProperty("quarkus.shutdown.timeout"));
      for (Deployment d : deployments()) {
        var preStop = container(d).getLifecycle();
        long sleep = preStop == null ? 0 : preStop.getPreStop().getSleep().getSeconds();
        assertThat(pod(d).getTerminationGracePeriodSeconds())
            .as(name(d) + ": pre-stop sleep %d s + quarkus.shutdown.timeout %s", sleep, shutdown)
            .isGreaterThan(sleep + shutdown.toSeconds());
      }
      assertThat(container(deployment(ROUTER)).getLifecycle().getPreStop().getSleep().getSeconds())
          .as("a router keeps serving while its endpoint turns terminating")
          .isPositive();
    }
  }

  /** platform/src/main/docker/Dockerfile.jvm, which nothing here builds (no Docker engine). */
  @Nested
  class ContainerImage {

    @Test
    void theImageIsQuarkusFastJarOnJava17() throws IOException {
      String dockerfile = Files.readString(DOCKERFILE);
      assertThat(instruction(dockerfile, "FROM")).contains("openjdk-17");
      assertThat(dockerfile)
          .contains("target/quarkus-app/lib/", "target/quarkus-app/app/")
          .contains("target/quarkus-app/quarkus/", "/deployments/quarkus-run.jar");
    }

    @Test
    void theImageExposesThePortsAndRunsAsTheUserTheManifestsUse() throws IOException {
      String dockerfile = Files.readString(DOCKERFILE);
      Set<Integer> exposed = new TreeSet<>();
      Arrays.stream(instruction(dockerfile, "EXPOSE").split("\\s+"))
          .forEach(p -> exposed.add(Integer.parseInt(p)));
      Set<Integer> used = new TreeSet<>();
      for (Deployment d : deployments()) {
        container(d).getPorts().forEach(p -> used.add(p.getContainerPort()));
        assertThat(pod(d).getSecurityContext().getRunAsUser())
            .as(name(d) + " runs as the image's user")
            .isEqualTo(Long.parseLong(instruction(dockerfile, "USER")));
      }
      assertThat(exposed).isEqualTo(used);
    }
  }

  // --- reading the manifests ---------------------------------------------------------------

  private static void assertProbe(Deployment d, Probe probe, String path, String port) {
    assertThat(probe).as(name(d) + ": probe of " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(name(d)).isEqualTo(path);
    assertThat(portNumber(d, probe.getHttpGet().getPort())).as(name(d)).hasToString(port);
  }

  /** The labels select the pods of {@code deployment} and of no other platform Deployment. */
  private static void assertSelectsOnly(Map<String, String> selector, String deployment)
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

  private static int portNumber(Deployment d, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container(d).getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .mapToInt(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name(d) + " has no port named " + port.getStrVal()));
  }

  private static String env(Deployment d, String name) {
    return envVar(d, name).getValue();
  }

  private static String fieldRef(Deployment d, String name) {
    return envVar(d, name).getValueFrom().getFieldRef().getFieldPath();
  }

  private static EnvVar envVar(Deployment d, String name) {
    return container(d).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name(d) + " sets no " + name));
  }

  private static io.fabric8.kubernetes.api.model.Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Container container(Deployment d) {
    assertThat(pod(d).getContainers()).as(name(d) + ": one container").hasSize(1);
    return pod(d).getContainers().get(0);
  }

  private static PodSpec pod(Deployment d) {
    return d.getSpec().getTemplate().getSpec();
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static String subject(List<Subject> subjects) {
    assertThat(subjects).hasSize(1);
    return subjects.get(0).getNamespace() + "/" + subjects.get(0).getName();
  }

  private static Deployment deployment(String name) throws IOException {
    return named(Deployment.class, name);
  }

  private static List<Deployment> deployments() throws IOException {
    return platformObjects().stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .toList();
  }

  private static <T extends HasMetadata> T named(Class<T> type, String name) throws IOException {
    return platformObjects().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  private static <T extends HasMetadata> T rendered(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("rendered no " + type.getSimpleName() + " " + name));
  }

  private static <T extends HasMetadata> T only(Class<T> type) throws IOException {
    List<T> found = platformObjects().stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName() + "s in platform/").hasSize(1);
    return found.get(0);
  }

  /** The objects of the platform base, as its kustomization lists them. */
  private static List<HasMetadata> platformObjects() throws IOException {
    Path platform = MANIFESTS.resolve("platform");
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : entries(platform, "resources")) {
      objects.addAll(read(platform.resolve(file)));
    }
    return objects;
  }

  private static Properties platformSettings() throws IOException {
    Properties settings = new Properties();
    settings.load(
        new StringReader(
            Files.readString(PLATFORM.resolve("src/main/resources/application.properties"))));
    return settings;
  }

  private static Duration seconds(String value) {
    Matcher m = Pattern.compile("(\\d+)s").matcher(Objects.requireNonNull(value));
    assertThat(m.matches()).as("a duration in seconds: " + value).isTrue();
    return Duration.ofSeconds(Long.parseLong(m.group(1)));
  }

  /** The arguments of the one {@code keyword} instruction of a Dockerfile. */
  private static String instruction(String dockerfile, String keyword) {
    List<String> found =
        dockerfile
            .lines()
            .filter(l -> l.startsWith(keyword + " "))
            .map(l -> l.substring(keyword.length()).trim())
            .toList();
    assertThat(found).as(keyword + " instructions").hasSize(1);
    return found.get(0);
  }

  private static Map<?, ?> kustomization(Path directory) throws IOException {
    return YAML.unmarshal(Files.readString(directory.resolve("kustomization.yaml")), Map.class);
  }

  /** The paths a kustomization lists under {@code field} ({@code resources} or {@code patches}). */
  private static List<String> entries(Path directory, String field) throws IOException {
    Object listed = kustomization(directory).get(field);
    if (listed == null) {
      return List.of();
    }
    return ((List<?>) listed)
        .stream()
            .map(e -> e instanceof Map<?, ?> patch ? (String) patch.get("path") : (String) e)
            .toList();
  }

  private static List<Path> kustomizationDirectories() throws IOException {
    try (Stream<Path> s = Files.walk(MANIFESTS)) {
      return s.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
          .map(Path::getParent)
          .sorted()
          .toList();
    }
  }

  private static List<HasMetadata> kustomize(Path directory) throws Exception {
    File out = File.createTempFile("kustomize", ".yaml");
    File err = File.createTempFile("kustomize", ".err");
    try {
      Process p =
          new ProcessBuilder("kubectl", "kustomize", directory.toString())
              .redirectOutput(out)
              .redirectError(err)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("kubectl kustomize " + directory + " took over 60 s");
      }
      assertThat(p.exitValue())
          .as("kubectl kustomize %s: %s", directory, Files.readString(err.toPath()))
          .isZero();
      return read(out.toPath());
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }

  private static boolean onPath(String command) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
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

  private static List<HasMetadata> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object read = YAML.unmarshal(in);
      return read instanceof List<?> list
          ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) read);
    }
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
