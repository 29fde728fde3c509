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
}
