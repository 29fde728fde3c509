package io.zeroscale.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodLogsTest {

  @Test
  void everyLineGetsItsPodAndNoEmptyLineIsAdded() {
    assertThat(PodLogs.prefixed("hello-1", "started\nready\n"))
        .isEqualTo("[hello-1] started\n[hello-1] ready\n");
    assertThat(PodLogs.prefixed("hello-1", "no newline at the end"))
        .isEqualTo("[hello-1] no newline at the end\n");
    assertThat(PodLogs.prefixed("hello-1", "a\n\nb\n"))
        .isEqualTo("[hello-1] a\n[hello-1] \n[hello-1] b\n");
  }

  @Test
  void anEmptyLogPrintsNothing() {
    assertThat(PodLogs.prefixed("hello-1", "")).isEmpty();
    assertThat(PodLogs.prefixed("hello-1", null)).isEmpty();
  }
}
