package io.zeroscale.loadtest.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReverseProxyTest {

  static final Map<String, String> VALUES =
      Map.of(
          "WORKERS",
          "2",
          "DIR",
          "/tmp/x",
          "UPSTREAM_HOST",
          "127.0.0.1",
          "UPSTREAM_PORT",
          "20000",
          "LISTEN_PORT",
          "30000");

  @ParameterizedTest
  @EnumSource(ReverseProxy.Kind.class)
  void everyTemplateIsFilledCompletelyWithAKeepAliveUpstream(ReverseProxy.Kind kind)
      throws Exception {
    String config;
    try (InputStream in = ReverseProxy.class.getResourceAsStream("/baseline/" + kind.template)) {
      config = ReverseProxy.fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), VALUES);
    }

    assertThat(config).contains("127.0.0.1:20000").contains("127.0.0.1:30000").doesNotContain("${");
    assertThat(config).containsAnyOf("keepalive 256", "http-reuse always");
  }

  @Test
  void aPlaceholderWithoutValueIsAnError() {
    assertThatThrownBy(() -> ReverseProxy.fill("listen ${PORT};", Map.of()))
        .hasMessageContaining("${...}");
  }
}
