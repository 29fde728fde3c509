package io.zeroscale.kubernetes.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeaseConfigTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "a", 15, 10, 2000, "namespace: is required"),
        Arguments.of("ns", "", 15, 10, 2000, "identity: is required"),
        Arguments.of("ns", "a", 10, 10, 2000, "renewDeadline: must be shorter than leaseDuration"),
        Arguments.of("ns", "a", 15, 10, 0, "retryPeriod: must be positive"),
        Arguments.of("ns", "a", 15, 10, 9000, "retryPeriod: must be positive and, times 1.2"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsSettingsNamingTheField(
      String namespace, String identity, int lease, int renew, int retryMillis, String message) {
    assertThatThrownBy(
            () ->
                new LeaseConfig(
                    namespace,
                    "zeroscale-leader",
                    identity,
                    Duration.ofSeconds(lease),
                    Duration.ofSeconds(renew),
                    Duration.ofMillis(retryMillis)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void defaultsAreKubernetesOwn() {
    LeaseConfig config = LeaseConfig.defaults("zeroscale", "pod-1");
    assertThat(config.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.name()).isEqualTo("zeroscale-leader");
  }

  @Test
  void identitiesOfTwoInstancesDiffer() {
    assertThat(LeaseConfig.identityOfThisProcess())
        .isNotEqualTo(LeaseConfig.identityOfThisProcess());
  }
}
