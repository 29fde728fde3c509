package io.zeroscale.platform.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zeroscale.platform.config.PlatformConfig.Backend;
import io.zeroscale.platform.config.PlatformConfig.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code zeroscale.roles} each backend runs, and the message of those it refuses. */
class PlatformRolesTest {

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "all; LOCAL; router activator autoscaler controller",
        "router activator autoscaler controller; LOCAL; router activator autoscaler controller",
        "all; KUBERNETES; router activator autoscaler controller",
        "router activator; KUBERNETES; router activator",
        "controller; KUBERNETES; controller",
        "router activator autoscaler; KUBERNETES; router activator autoscaler",
        "router activator controller; KUBERNETES; router activator controller",
        "autoscaler controller; KUBERNETES; autoscaler controller",
        "autoscaler; KUBERNETES; autoscaler",
      })
  void accepted(String configured, Backend backend, String expected) {
    assertThat(PlatformRoles.resolve(roles(configured), backend)).isEqualTo(roles(expected));
  }

  @ParameterizedTest(name = "{0} on {1} refused")
  @CsvSource(
      delimiter = ';',
      value = {
        "router activator; LOCAL; the local backend runs replicas inside this process",
        "controller; LOCAL; zeroscale.backend=kubernetes",
        "router; KUBERNETES; router and activator run as one data path",
        "activator autoscaler; KUBERNETES; router and activator run as one data path",
      })
  void refused(String configured, Backend backend, String message) {
    assertThatThrownBy(() -> PlatformRoles.resolve(roles(configured), backend))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("zeroscale.roles=")
        .hasMessageContaining(message);
  }

  private static Set<Role> roles(String names) {
    return Arrays.stream(names.trim().split(" +"))
        .map(n -> Role.valueOf(n.toUpperCase()))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }
}
