package io.zeroscale.kubernetes.manifests;

import static io.zeroscale.kubernetes.manifests.ShippedManifests.container;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.deployments;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.name;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * platform/src/main/docker/Dockerfile.jvm, which nothing here builds (no Docker engine): what it
 * packs, and that it agrees with the Deployments on ports and user.
 */
class ContainerImageTest {

  private static final Path DOCKERFILE =
      ShippedManifests.PLATFORM_MODULE.resolve("src/main/docker/Dockerfile.jvm");

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
}
