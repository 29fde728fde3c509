package io.zeroscale.local.testfn;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ObjectMeta;
import io.zeroscale.api.function.ScalingSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds {@link Function}s that run {@link TestFunction} in a child JVM. */
public final class TestFunctions {

  private TestFunctions() {}

  public static List<String> command() {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classes = Path.of("target/test-classes").toAbsolutePath().toString();
    return List.of(
        java,
        "-Xshare:auto",
        "-XX:TieredStopAtLevel=1",
        "-Xmx32m",
        "-cp",
        classes,
        TestFunction.class.getName());
  }

  public static Function function(String name, Map<String, String> env) {
    return Function.of(
        ObjectMeta.of("test", name),
        new FunctionSpec(null, command(), null, null, env, null, null, null));
  }

  /** A function with the given request timeout and scaling bounds, which a replica never reads. */
  public static Function function(String name, String timeout, ScalingSpec scaling) {
    return Function.of(
        ObjectMeta.of("test", name),
        new FunctionSpec(null, command(), null, null, Map.of(), timeout, null, scaling));
  }

  public static Function function(String name) {
    return function(name, Map.of());
  }
}
