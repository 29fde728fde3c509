package io.zeroscale.platform.wiring;

import io.zeroscale.platform.config.PlatformConfig.Backend;
import io.zeroscale.platform.config.PlatformConfig.Role;
import java.util.EnumSet;
import java.util.Set;

/** Which parts an instance runs, from {@code zeroscale.roles}, checked against the backend. */
final class PlatformRoles {

  private static final Set<Role> EVERY = EnumSet.complementOf(EnumSet.of(Role.ALL));

  private PlatformRoles() {}

  /**
   * The roles to run ({@code all} expanded). The local backend runs replicas inside this process,
   * so it needs every role. On Kubernetes, router and activator share one data path (both or
   * neither); the autoscaler need not run with them, since the leading autoscaler reads the load
   * and pokes of every data-path instance (the peers package). Controller and autoscaler elect on
   * one Lease, so instances sharing it must run the same of those two (docs/kubernetes.md).
   *
   * @throws IllegalStateException naming the setting and what to change
   */
  static Set<Role> resolve(Set<Role> configured, Backend backend) {
    Set<Role> roles = EnumSet.copyOf(configured);
    if (roles.contains(Role.ALL)) {
      return EnumSet.copyOf(EVERY);
    }
    if (backend == Backend.LOCAL) {
      if (!roles.containsAll(EVERY)) {
        throw new IllegalStateException(
            "zeroscale.roles="
                + roles
                + ": the local backend runs replicas inside this process, so it needs every role"
                + " (zeroscale.roles=all). Split roles need zeroscale.backend=kubernetes.");
      }
      return roles;
    }
    if (roles.contains(Role.ROUTER) != roles.contains(Role.ACTIVATOR)) {
      throw new IllegalStateException(
          "zeroscale.roles="
              + roles
              + ": router and activator run as one data path; name both or neither");
    }
    return roles;
  }
}
