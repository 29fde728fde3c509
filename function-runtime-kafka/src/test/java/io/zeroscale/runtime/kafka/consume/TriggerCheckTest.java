package io.zeroscale.runtime.kafka.consume;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up check: what a replica without settings, or without a handler, is told. */
class TriggerCheckTest {

  private static final List<String> NONE_MISSING = List.of();
  private static final List<String> ALL_MISSING =
      List.of("ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS", "ZEROSCALE_KAFKA_TOPICS");

  @Test
  void aHandlerWithoutSettingsFailsNamingTheVariablesToSet() {
    assertThatThrownBy(() -> TriggerCheck.verify(List.of("com.example.Counter"), ALL_MISSING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("com.example.Counter is a KafkaFunction")
        .hasMessageContaining("set ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS and ZEROSCALE_KAFKA_TOPICS")
        .hasMessageContaining("zeroscale.kafka.bootstrap-servers");
  }

  @Test
  void settingsWithoutAHandlerFailSayingWhatToImplement() {
    assertThatThrownBy(() -> TriggerCheck.verify(List.of(), NONE_MISSING))
        .hasMessageContaining("no KafkaFunction bean")
        .hasMessageContaining("io.zeroscale.runtime.kafka.KafkaFunction");
  }

  @Test
  void twoHandlersFail() {
    assertThatThrownBy(() -> TriggerCheck.verify(List.of("a.A", "b.B"), NONE_MISSING))
        .hasMessageContaining("2 KafkaFunction beans [a.A, b.B]");
  }

  @Test
  void aHandlerWithSettingsOrNeitherIsFine() {
    assertThatCode(() -> TriggerCheck.verify(List.of("a.A"), NONE_MISSING))
        .doesNotThrowAnyException();
    assertThatCode(() -> TriggerCheck.verify(List.of(), ALL_MISSING)).doesNotThrowAnyException();
  }
}
