package io.zeroscale.platform.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.kubernetes.testing.ApiAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the ClusterRole and Roles under {@code manifests/platform/} grant, as {@code
 * resource[.group][/subresource]:verb} (the form of the kubernetes module's {@code ApiAccess});
 * namespaces and resource names are not told apart.
 */
final class ShippedRoles {

  private static final Path PLATFORM_MANIFESTS =
      ExampleFunctions.REPOSITORY.resolve("manifests/platform");

  private ShippedRoles() {}

  static Set<String> granted() throws IOException {
    KubernetesSerialization yaml = new KubernetesSerialization();
    Set<String> granted = new TreeSet<>();
    try (Stream<Path> files = Files.list(PLATFORM_MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Object read = yaml.unmarshal(Files.readString(file));
        for (Object object : read instanceof List<?> list ? list : List.of(read)) {
          if (object instanceof ClusterRole role) {
            granted.addAll(ApiAccess.granted(role.getRules()));
          } else if (object instanceof Role role) {
            granted.addAll(ApiAccess.granted(role.getRules()));
          } else if (!(object instanceof HasMetadata)) {
            throw new IllegalStateException("not a Kubernetes object: " + file);
          }
        }
      }
    }
    return granted;
  }
}
