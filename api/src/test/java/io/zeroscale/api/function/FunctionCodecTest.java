package io.zeroscale.api.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionCodecTest {

  private static final Function WITH_STATUS =
      Function.of(
              ObjectMeta.of("default", "hello").withGeneration(3),
              new FunctionSpec(null, List.of("x"), null, null, null, null, null, null)
                  .withDefaults())
          .withStatus(
              new FunctionStatus(
                  3L,
                  1,
                  1,
                  "http://localhost:8080/fn/default/hello/",
                  List.of(new Condition(Condition.READY, "True", "Serving", "1 ready", "t"))));

  @Test
  void yamlRoundTripKeepsEveryField() {
    assertThat(FunctionCodec.read(FunctionCodec.toYaml(WITH_STATUS))).isEqualTo(WITH_STATUS);
  }

  @Test
  void jsonHoldsOnlyTheModelsFieldsNotHelperMethods() {
    String json = FunctionCodec.toJson(WITH_STATUS);
    assertThat(json)
        .doesNotContain("\"true\"", "workload", "scalingOrDefaults", "timeoutDuration", "key")
        .contains("\"observedGeneration\":3");
    assertThat(FunctionCodec.read(json)).isEqualTo(WITH_STATUS);
  }
}
