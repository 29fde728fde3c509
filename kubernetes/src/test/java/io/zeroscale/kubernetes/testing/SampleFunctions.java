package io.zeroscale.kubernetes.testing;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ReadinessSpec;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.function.TriggersSpec;
import java.util.List;
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

  /** {@code function} with its spec's Kafka trigger set to {@code kafka}. */
  public static Function withKafkaTrigger(Function function, KafkaTriggerSpec kafka) {
    FunctionSpec s = function.spec();
    return Function.of(
        function.metadata(),
        new FunctionSpec(
            s.image(),
            s.command(),
            s.workingDir(),
            s.port(),
            s.env(),
            s.timeout(),
            s.readiness(),
            s.scaling(),
            new TriggersSpec(kafka)));
  }

  /** A trigger on {@code topics} with only the required fields: the rest comes from defaults. */
  public static KafkaTriggerSpec kafka(String bootstrapServers, String... topics) {
    return new KafkaTriggerSpec(
        bootstrapServers, List.of(topics), null, null, null, null, null, null);
  }
}
