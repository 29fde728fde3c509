package io.zeroscale.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AutoscalerConfigTest {

  @Test
  void ticksEveryTwoSecondsByDefault() {
    assertThat(AutoscalerConfig.defaults().tickInterval()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsATickThatIsNotPositiveSayingWhichSetting() {
    assertThatThrownBy(() -> new AutoscalerConfig(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tickInterval");
  }

  @Test
  void kafkaLagSettingsHaveDefaultsAndAreChecked() {
    AutoscalerConfig defaults = AutoscalerConfig.defaults();
    assertThat(defaults.kafkaReadTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.kafkaMetadataMaxAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.withKafkaReadTimeout(Duration.ofSeconds(1)).kafkaReadTimeout())
        .isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> defaults.withKafkaReadTimeout(Duration.ZERO))
        .hasMessageContaining("kafkaReadTimeout");
    assertThatThrownBy(() -> defaults.withKafkaMetadataMaxAge(Duration.ofSeconds(-1)))
        .hasMessageContaining("kafkaMetadataMaxAge");
  }
}
