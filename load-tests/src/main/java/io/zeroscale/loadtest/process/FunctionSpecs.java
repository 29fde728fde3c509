package io.zeroscale.loadtest.process;

import java.nio.file.Path;

/** Function specs (YAML) for the example jars the benchmarks deploy. */
public final class FunctionSpecs {

  private FunctionSpecs() {}

  /**
   * A Java function running {@code jar}.
   *
   * @param scaling the {@code spec.scaling} block as a YAML flow map, e.g. {@code {minScale: 1}}
   */
  public static String javaFunction(String namespace, String name, Path jar, String scaling) {
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: %s}
        spec:
          command: [%s, -jar, %s]
          timeout: 60s
          scaling: %s
        """
        .formatted(name, namespace, JavaCommand.path(), jar.toAbsolutePath(), scaling);
  }
}
