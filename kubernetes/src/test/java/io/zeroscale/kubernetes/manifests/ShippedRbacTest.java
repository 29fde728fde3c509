package io.zeroscale.kubernetes.manifests;

import static io.zeroscale.kubernetes.manifests.ShippedManifests.CONTROL;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.ROUTER;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.deployment;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.name;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.platformObjects;
import static io.zeroscale.kubernetes.manifests.ShippedManifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.zeroscale.kubernetes.RequiredAccess;
import io.zeroscale.kubernetes.leader.LeaseConfig;
import io.zeroscale.kubernetes.testing.ApiAccess;
import io.zeroscale.kubernetes.testing.ShippedRbac;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege per platform Deployment: each runs as its own ServiceAccount, and the rules bound
 * to that account grant exactly what its roles call ({@link RequiredAccess}, recorded by {@code
 * RequiredAccessTest}): cluster-wide through a ClusterRole, in the platform's namespace through a
 * Role. A rule nobody uses fails as much as a missing one. The dev overlay's one instance gets the
 * union.
 */
class ShippedRbacTest {

  private static final String PLATFORM_NAMESPACE = "zeroscale";

  private final ShippedRbac base = ShippedRbac.platformBase();

  @Test
  void eachDeploymentRunsAsTheAccountOfItsRole() throws IOException {
    for (Deployment d : ShippedManifests.deployments()) {
      assertThat(pod(d).getServiceAccountName())
          .as(name(d) + "'s account is named after it")
          .isEqualTo(name(d));
      assertThat(pod(d).getAutomountServiceAccountToken()).as(name(d)).isNotEqualTo(false);
    }
    Set<String> accounts = new TreeSet<>();
    for (HasMetadata o : platformObjects()) {
      if (o instanceof ServiceAccount a) {
        assertThat(a.getMetadata().getNamespace()).isEqualTo(PLATFORM_NAMESPACE);
        accounts.add(name(a));
      }
    }
    assertThat(accounts)
        .as("one account per Deployment, no other")
        .containsExactly(CONTROL, ROUTER);
  }

  @Test
  void theRoutersAccountReadsAndWritesNothing() {
    assertThat(granted(base.clusterWideRulesBoundTo(ROUTER)))
        .isEqualTo(RequiredAccess.ROUTER_CLUSTER_WIDE)
        .allSatisfy(p -> assertThat(p).matches(".*:(get|list|watch)"));
    assertThat(base.namespacedRulesBoundTo(ROUTER)).isEmpty();
  }

  @Test
  void theControlAccountIsGrantedExactlyWhatTheControlPlaneCalls() {
    assertThat(granted(base.clusterWideRulesBoundTo(CONTROL)))
        .isEqualTo(RequiredAccess.CONTROL_CLUSTER_WIDE);
    Map<String, List<PolicyRule>> namespaced = base.namespacedRulesBoundTo(CONTROL);
    assertThat(namespaced.keySet())
        .as("the Lease and the peers: the platform's namespace only")
        .containsExactly(PLATFORM_NAMESPACE);
    assertThat(granted(namespaced.get(PLATFORM_NAMESPACE)))
        .isEqualTo(RequiredAccess.CONTROL_IN_NAMESPACE);
  }

  @Test
  void theDevOverlaysOneInstanceIsGrantedTheUnionOfBothRoles() throws IOException {
    ShippedRbac dev = ShippedRbac.devOverlay();
    Deployment router = deployment(ROUTER);

    assertThat(granted(dev.rulesBoundTo(pod(router).getServiceAccountName())))
        .isEqualTo(RequiredAccess.ALL_ROLES);
    assertThat(dev.namespacedRulesBoundTo(ROUTER)).containsOnlyKeys(PLATFORM_NAMESPACE);
    assertThat(granted(dev.rulesBoundTo(CONTROL)))
        .as("the overlay adds to the router's account only")
        .isEqualTo(granted(base.rulesBoundTo(CONTROL)));
  }

  @Test
  void theLeaderIsElectedOnTheLeaseTheRoleNamesInControlsNamespace() throws IOException {
    Deployment control = deployment(CONTROL);
    Role role = ShippedManifests.named(Role.class, CONTROL);
    String leaseName = LeaseConfig.defaults("any", "any").name();

    assertThat(ShippedManifests.fieldRef(control, "ZEROSCALE_KUBERNETES_LEASE_NAMESPACE"))
        .isEqualTo("metadata.namespace");
    assertThat(role.getMetadata().getNamespace()).isEqualTo(control.getMetadata().getNamespace());
    assertThat(role.getRules())
        .filteredOn(rule -> rule.getResources().contains("leases"))
        .filteredOn(rule -> !rule.getVerbs().contains("create"))
        .singleElement()
        .satisfies(rule -> assertThat(rule.getResourceNames()).containsExactly(leaseName));
  }

  @Test
  void everyRoleIsBoundAndEveryBindingNamesAShippedAccount() throws IOException {
    List<String> roles = new ArrayList<>();
    List<String> bound = new ArrayList<>();
    for (HasMetadata o : platformObjects()) {
      if (o instanceof ClusterRole r) {
        roles.add("ClusterRole/" + name(r));
      } else if (o instanceof Role r) {
        roles.add("Role/" + name(r));
      } else if (o instanceof ClusterRoleBinding b) {
        bound.add(b.getRoleRef().getKind() + "/" + b.getRoleRef().getName());
        assertThat(subject(b.getSubjects())).isEqualTo(PLATFORM_NAMESPACE + "/" + name(b));
      } else if (o instanceof RoleBinding b) {
        bound.add(b.getRoleRef().getKind() + "/" + b.getRoleRef().getName());
        assertThat(subject(b.getSubjects())).isEqualTo(PLATFORM_NAMESPACE + "/" + name(b));
      }
    }

    assertThat(bound)
        .as("each role bound once, to the account of the same name")
        .containsExactlyInAnyOrderElementsOf(roles);
  }

  private static Set<String> granted(List<PolicyRule> rules) {
    return ApiAccess.granted(rules);
  }

  private static String subject(List<Subject> subjects) {
    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0).getKind()).isEqualTo("ServiceAccount");
    return subjects.get(0).getNamespace() + "/" + subjects.get(0).getName();
  }
}
