package io.zeroscale.kubernetes.manifests;

import static io.zeroscale.kubernetes.manifests.ShippedManifests.CONTROL;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.CRD;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.DEV_OVERLAY;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.MANIFESTS;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.PLATFORM_BASE;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.ROUTER;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.container;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.entries;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.env;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.fieldRef;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.named;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.platformObjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.zeroscale.kubernetes.RequiredAccess;
import io.zeroscale.kubernetes.testing.ApiAccess;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kustomization lists what its directory holds and only files that exist; the dev overlay
 * changes only what the base has; the real kustomize (kubectl's) renders each of them.
 */
class KustomizationsTest {

  private static final String CRD_FILE = "functions.zeroscale.io-v1alpha1.yml";

  @Test
  void theRootInstallsTheCrdAndThePlatformBase() throws IOException {
    assertThat(entries(MANIFESTS, "resources")).containsExactly("crd", "platform");
    assertThat(entries(MANIFESTS, "patches")).isEmpty();
  }

  @Test
  void theCrdsKustomizationIsTheGeneratedFileAlone() throws IOException {
    assertThat(entries(CRD, "resources")).containsExactly(CRD_FILE);
    assertThat(ShippedManifests.kustomization(CRD).keySet().stream().map(String::valueOf))
        .as("nothing that would change the generated CRD (no patches, labels or namespace)")
        .containsExactlyInAnyOrder("apiVersion", "kind", "resources");
  }

  @Test
  void eachKustomizationListsEveryFileOfItsDirectory() throws IOException {
    List<Path> directories = kustomizationDirectories();
    assertThat(directories)
        .as("directories with a kustomization.yaml")
        .containsExactlyInAnyOrder(MANIFESTS, CRD, PLATFORM_BASE, DEV_OVERLAY);
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
                .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                .filter(n -> !n.equals("kustomization.yaml"))
                // The samples are applied on their own, once the CRD is established.
                .filter(n -> !n.startsWith("sample-"))
                .toList();
        assertThat(listed).as(directory + "/kustomization.yaml").containsAll(files);
      }
    }
  }

  @Test
  void everyDirectoryWithManifestsHasAKustomization() throws IOException {
    for (Path file : ShippedManifests.yamlFiles(MANIFESTS)) {
      assertThat(file.getParent().resolve("kustomization.yaml")).as(file + "'s directory").exists();
    }
  }

  /**
   * What kustomize does with the dev overlay, checked on the files (no kustomize needed): it takes
   * the CRD and the base, and its image, replica counts and patches all name something the base
   * has.
   */
  @Test
  void theDevOverlayChangesWhatTheBaseHas() throws IOException {
    assertThat(entries(DEV_OVERLAY, "resources"))
        .containsExactly("../../crd", "../../platform", "all-roles-rbac.yaml");
    Map<?, ?> overlay = ShippedManifests.kustomization(DEV_OVERLAY);
    List<Deployment> deployments = ShippedManifests.deployments();

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
    for (String patch : entries(DEV_OVERLAY, "patches")) {
      HasMetadata patched = ShippedManifests.read(DEV_OVERLAY.resolve(patch)).get(0);
      HasMetadata base = named(patched.getClass(), patched.getMetadata().getName());
      assertThat(patched.getMetadata().getNamespace()).isEqualTo(base.getMetadata().getNamespace());
      if (patched instanceof Deployment d) {
        assertThat(container(d).getName()).isEqualTo(container((Deployment) base).getName());
      }
    }
  }

  @Test
  void kubectlKustomizeRendersTheCrdAloneAndWithTheBase() throws Exception {
    assumeThat(KubectlKustomize.installed()).as("kubectl on the PATH").isTrue();

    assertThat(KubectlKustomize.render(CRD))
        .singleElement()
        .isInstanceOfSatisfying(
            CustomResourceDefinition.class,
            crd -> assertThat(crd.getMetadata().getName()).isEqualTo("functions.zeroscale.io"));
    assertThat(KubectlKustomize.render(PLATFORM_BASE)).hasSize(platformObjects().size());
    List<HasMetadata> root = KubectlKustomize.render(MANIFESTS);
    assertThat(root).hasSize(platformObjects().size() + 1);
    assertThat(root).filteredOn(CustomResourceDefinition.class::isInstance).hasSize(1);
  }

  @Test
  void kubectlKustomizeRendersTheDevOverlayAsOneInstanceWithEveryRole() throws Exception {
    assumeThat(KubectlKustomize.installed()).as("kubectl on the PATH").isTrue();

    List<HasMetadata> dev = KubectlKustomize.render(DEV_OVERLAY);
    assertThat(dev)
        .as("the CRD, the base and the overlay's two bindings")
        .hasSize(1 + platformObjects().size() + 2);
    assertThat(dev).filteredOn(CustomResourceDefinition.class::isInstance).hasSize(1);
    Deployment router = named(dev, Deployment.class, ROUTER);
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
    assertThat(router.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(ROUTER);
    assertThat(named(dev, Deployment.class, CONTROL).getSpec().getReplicas()).isZero();
    assertThat(named(dev, Service.class, CONTROL).getSpec().getSelector())
        .as("the control API on the one instance")
        .isEqualTo(router.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(ApiAccess.granted(ShippedRbac.of(dev).rulesBoundTo(ROUTER)))
        .as("the one instance's account, as rendered: every role's access")
        .isEqualTo(RequiredAccess.ALL_ROLES);
  }

  private static List<Path> kustomizationDirectories() throws IOException {
    try (Stream<Path> s = Files.walk(MANIFESTS)) {
      return s.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
          .map(Path::getParent)
          .sorted()
          .toList();
    }
  }
}
