package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RBAC objects of a kustomization under {@code manifests/} (the platform base, the dev overlay)
 * and the rules they bind to a ServiceAccount, so that a test can check the API calls an instance
 * made against what its account is granted: {@code ApiAccess.granted(rbac.rulesBoundTo(name))}
 * contains {@code ApiAccess.of(requests)}, or, with namespaces and resource names told apart,
 * {@code rbac.denied(name, requests)} is empty.
 *
 * <p>Reads the files a kustomization lists under {@code resources}, following directories to their
 * own kustomization; patches are not applied, and a patch of an RBAC object is refused rather than
 * ignored. Namespaces of Roles are kept apart ({@link #namespacedRulesBoundTo}); {@link
 * #rulesBoundTo} is every rule, wherever it applies.
 */
public final class ShippedRbac {

  private static final Set<String> RBAC_KINDS =
      Set.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");

  private final List<HasMetadata> objects;

  private ShippedRbac(List<HasMetadata> objects) {
    this.objects = List.copyOf(objects);
  }

  /** The platform base, {@code manifests/platform/}: one account per Deployment. */
  public static ShippedRbac platformBase() {
    return of(manifests().resolve("platform"));
  }

  /** The dev overlay, {@code manifests/overlays/dev/}: one instance with every role. */
  public static ShippedRbac devOverlay() {
    return of(manifests().resolve("overlays/dev"));
  }

  /** The objects of the kustomization in {@code directory}. */
  public static ShippedRbac of(Path directory) {
    List<HasMetadata> objects = new ArrayList<>();
    read(directory, new KubernetesSerialization(), objects);
    return new ShippedRbac(objects);
  }

  /** Objects read otherwise, e.g. what {@code kubectl kustomize} rendered. */
  public static ShippedRbac of(List<HasMetadata> objects) {
    return new ShippedRbac(objects);
  }

  /**
   * {@code manifests/} of the repository: found from the working directory (a module's, under
   * Surefire and Failsafe) upwards.
   */
  public static Path manifests() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("manifests/platform/kustomization.yaml"))) {
        return dir.resolve("manifests");
      }
    }
    throw new IllegalStateException(
        "no manifests/platform/kustomization.yaml in " + Path.of("").toAbsolutePath() + " or up");
  }

  /**
   * Every rule bound to the ServiceAccount {@code name}, by ClusterRoleBindings and RoleBindings.
   */
  public List<PolicyRule> rulesBoundTo(String serviceAccount) {
    List<PolicyRule> rules = new ArrayList<>(clusterWideRulesBoundTo(serviceAccount));
    namespacedRulesBoundTo(serviceAccount).values().forEach(rules::addAll);
    return rules;
  }

  /** The rules of the ClusterRoles that ClusterRoleBindings bind to the account: any namespace. */
  public List<PolicyRule> clusterWideRulesBoundTo(String serviceAccount) {
    List<PolicyRule> rules = new ArrayList<>();
    for (ClusterRoleBinding b : all(ClusterRoleBinding.class)) {
      if (binds(b.getSubjects(), serviceAccount)) {
        rules.addAll(roleRules(b.getRoleRef(), null));
      }
    }
    return rules;
  }

  /** The rules RoleBindings bind to the account, by the namespace where they apply. */
  public Map<String, List<PolicyRule>> namespacedRulesBoundTo(String serviceAccount) {
    Map<String, List<PolicyRule>> rules = new java.util.TreeMap<>();
    for (RoleBinding b : all(RoleBinding.class)) {
      if (binds(b.getSubjects(), serviceAccount)) {
        String namespace = b.getMetadata().getNamespace();
        rules
            .computeIfAbsent(namespace, n -> new ArrayList<>())
            .addAll(roleRules(b.getRoleRef(), namespace));
      }
    }
    return rules;
  }

  /**
   * The recorded requests ({@code METHOD path?query}, as {@link ApiServer#requestsBy} gives them)
   * that no rule bound to the account allows: cluster-wide rules allow any namespace, a Role's only
   * its own, and a rule naming resources only requests for those names. This is RBAC's
   * resource-rule matching, written out because the Kubernetes authorizer is Go and Fabric8 has
   * none; it ignores non-resource URLs, aggregated ClusterRoles and groups as subjects, none of
   * which the manifests use.
   */
  public List<String> denied(String serviceAccount, Collection<String> requests) {
    List<PolicyRule> clusterWide = clusterWideRulesBoundTo(serviceAccount);
    Map<String, List<PolicyRule>> namespaced = namespacedRulesBoundTo(serviceAccount);
    List<String> denied = new ArrayList<>();
    for (String request : requests) {
      ApiAccess.Call call = ApiAccess.call(request);
      boolean allowed =
          allows(clusterWide, call)
              || (call.namespace() != null
                  && allows(namespaced.getOrDefault(call.namespace(), List.of()), call));
      if (!allowed) {
        denied.add(request);
      }
    }
    return denied;
  }

  private static boolean allows(List<PolicyRule> rules, ApiAccess.Call call) {
    String resource =
        call.resource() + (call.subresource() == null ? "" : "/" + call.subresource());
    for (PolicyRule rule : rules) {
      List<String> names = rule.getResourceNames();
      if (matches(rule.getApiGroups(), call.group())
          && matches(rule.getResources(), resource)
          && matches(rule.getVerbs(), call.verb())
          && (names == null || names.isEmpty() || names.contains(call.name()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> allowed, String value) {
    return allowed != null && (allowed.contains("*") || allowed.contains(value));
  }

  /** Every object read, in the order the kustomizations list them. */
  public List<HasMetadata> objects() {
    return objects;
  }

  private List<PolicyRule> roleRules(RoleRef ref, String namespace) {
    if ("ClusterRole".equals(ref.getKind())) {
      return all(ClusterRole.class).stream()
          .filter(r -> r.getMetadata().getName().equals(ref.getName()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("bound ClusterRole is missing: " + ref))
          .getRules();
    }
    return all(Role.class).stream()
        .filter(r -> r.getMetadata().getName().equals(ref.getName()))
        .filter(r -> r.getMetadata().getNamespace().equals(namespace))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("bound Role is missing in " + namespace + ": " + ref))
        .getRules();
  }

  private static boolean binds(List<Subject> subjects, String serviceAccount) {
    return subjects.stream()
        .anyMatch(s -> "ServiceAccount".equals(s.getKind()) && serviceAccount.equals(s.getName()));
  }

  private <T> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static void read(Path directory, KubernetesSerialization yaml, List<HasMetadata> into) {
    try {
      Map<?, ?> kustomization =
          yaml.unmarshal(Files.readString(directory.resolve("kustomization.yaml")), Map.class);
      for (String patch : listed(kustomization, "patches")) {
        String kind =
            (String)
                yaml.unmarshal(Files.readString(directory.resolve(patch)), Map.class).get("kind");
        if (RBAC_KINDS.contains(kind)) {
          throw new IllegalStateException(
              directory.resolve(patch)
                  + " patches a "
                  + kind
                  + ", which this reader does not apply");
        }
      }
      for (String resource : listed(kustomization, "resources")) {
        Path path = directory.resolve(resource).normalize();
        if (Files.isDirectory(path)) {
          read(path, yaml, into);
        } else {
          Object read = yaml.unmarshal(Files.readString(path));
          for (Object o : read instanceof List<?> list ? list : List.of(read)) {
            into.add((HasMetadata) o);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths a kustomization lists under {@code field} ({@code resources} or {@code patches}). */
  public static List<String> listed(Map<?, ?> kustomization, String field) {
    Object listed = kustomization.get(field);
    if (listed == null) {
      return List.of();
    }
    return ((List<?>) listed)
        .stream()
            .map(e -> e instanceof Map<?, ?> patch ? (String) patch.get("path") : (String) e)
            .toList();
  }
}
