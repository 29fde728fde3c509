package io.zeroscale.kubernetes.manifests;

import static io.zeroscale.kubernetes.manifests.ShippedManifests.CONTROL;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.DATA_PATH;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.DEV_OVERLAY;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.PLATFORM_MODULE;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.ROUTER;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.assertSelectsOnly;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.container;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.deployment;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.deployments;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.env;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.name;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.named;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.platformSettings;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.pod;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.portNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The platform's two Deployments, their Services and PodDisruptionBudgets: the roles each runs, the
 * settings they set, the probes, the security context and the grace period, and which pods each
 * Service and budget selects.
 */
class PlatformWorkloadsTest {

  @Test
  void routersRunTheDataPathAndControlRunsTheLeaderElectedParts() throws IOException {
    Deployment router = deployment(ROUTER);
    Deployment control = deployment(CONTROL);

    assertThat(deployments()).hasSize(2);
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
    List<Deployment> all = new ArrayList<>(deployments());
    for (String patch : ShippedManifests.entries(DEV_OVERLAY, "patches")) {
      if (ShippedManifests.read(DEV_OVERLAY.resolve(patch)).get(0) instanceof Deployment d) {
        all.add(d);
      }
    }
    assertThat(all).hasSizeGreaterThan(2);
    for (Deployment d : all) {
      for (EnvVar variable : container(d).getEnv()) {
        assertThat(documented)
            .as(name(d) + " sets " + variable.getName())
            .contains(variable.getName());
      }
    }
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
    assertThat(Files.readString(PLATFORM_MODULE.resolve("pom.xml")))
        .contains("quarkus-smallrye-health");
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
    assertThat(portNumber(deployment(CONTROL), control.getSpec().getPorts().get(0).getTargetPort()))
        .isEqualTo(Integer.parseInt(env(deployment(CONTROL), "QUARKUS_HTTP_PORT")));
    assertSelectsOnly(router.getSpec().getSelector(), ROUTER);
    assertSelectsOnly(control.getSpec().getSelector(), CONTROL);
  }

  /**
   * The leader reads the EndpointSlices of zeroscale-data-path to find the routers: headless (it is
   * for discovery, not for calls), selecting the router pods only, one port named {@code control}
   * that is the routers' control port (where their load is served).
   */
  @Test
  void theDataPathServiceIsAHeadlessListOfTheRoutersControlPorts() throws IOException {
    Service dataPath = named(Service.class, DATA_PATH);
    Deployment router = deployment(ROUTER);

    assertThat(dataPath.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(dataPath.getMetadata().getNamespace())
        .isEqualTo(router.getMetadata().getNamespace());
    assertSelectsOnly(dataPath.getSpec().getSelector(), ROUTER);
    ServicePort port = dataPath.getSpec().getPorts().get(0);
    assertThat(dataPath.getSpec().getPorts()).hasSize(1);
    assertThat(port.getName()).isEqualTo("control");
    assertThat(port.getPort()).isEqualTo(8081);
    assertThat(portNumber(router, port.getTargetPort()))
        .as("the routers' control port, where the platform's HTTP server listens")
        .isEqualTo(Integer.parseInt(env(router, "QUARKUS_HTTP_PORT")));
  }

  @Test
  void eachBudgetAndEachDeploymentSelectsItsOwnPodsOnly() throws IOException {
    assertSelectsOnly(
        named(PodDisruptionBudget.class, ROUTER).getSpec().getSelector().getMatchLabels(), ROUTER);
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

  private static void assertProbe(Deployment d, Probe probe, String path, String port) {
    assertThat(probe).as(name(d) + ": probe of " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(name(d)).isEqualTo(path);
    assertThat(portNumber(d, probe.getHttpGet().getPort())).as(name(d)).hasToString(port);
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static Duration seconds(String value) {
    Matcher m = Pattern.compile("(\\d+)s").matcher(Objects.requireNonNull(value));
    assertThat(m.matches()).as("a duration in seconds: " + value).isTrue();
    return Duration.ofSeconds(Long.parseLong(m.group(1)));
  }
}
