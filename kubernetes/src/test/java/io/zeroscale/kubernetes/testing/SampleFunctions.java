package io.zeroscale.kubernetes.testing;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ReadinessSpec;
import io.zeroscale.api.function.ScalingSpec;
import java.util.Map;

/** Functions for tests, valid unless named otherwise. */
public final class SampleFunctions {

  private SampleFunctions() {}

  public static Function hello(String namespace, String name, String image) {
    return Function.of(
        ObjectMeta.of(namespace, name),
        new FunctionSpec(
            image,
            null,
            null,
            8080,
            Map.of("GREETING", "hi"),
            "30s",
            new ReadinessSpec("/ready"),
            new ScalingSpec(0, 5, 10, 0, "30s")));
  }
}
