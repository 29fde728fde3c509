package io.zeroscale.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void medianOfAnEvenCountIsTheLowerMiddleValue() {
    assertThat(Spread.of(List.of(40.0, 10.0, 30.0, 20.0))).isEqualTo(new Spread(4, 20, 10, 40, 25));
  }

  @Test
  void oneValueIsItsOwnMedianMinAndMax() {
    assertThat(Spread.of(List.of(7.25))).isEqualTo(new Spread(1, 7.3, 7.3, 7.3, 7.3));
  }

  @Test
  void noValuesGiveZeros() {
    assertThat(Spread.of(List.of())).isEqualTo(new Spread(0, 0, 0, 0, 0));
  }
}
