package io.zeroscale.loadtest.process;

import java.nio.file.Path;
import java.util.Map;

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

  /**
   * A Java function whose replicas run {@code java -jar jar} with the given {@code java} through
   * {@code sh -c exec}: the local backend starts a {@code java -jar} command with the AOT cache and
   * JDK its build names, and the shell keeps it from doing so, for comparing JVM set-ups. {@code
   * exec} makes the JVM the replica process itself.
   */
  public static String plainJavaFunction(
      String namespace, String name, String java, Path jar, String scaling) {
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: %s}
        spec:
          command: [sh, -c, "exec %s -jar %s"]
          timeout: 60s
          scaling: %s
        """
        .formatted(name, namespace, java, jar.toAbsolutePath(), scaling);
  }

  /**
   * A Kafka-triggered Java function running {@code jar}: its replicas consume {@code topic} as
   * {@code group} ({@code spec.triggers.kafka}), with {@code env} on top of what the platform sets.
   *
   * @param scaling the {@code spec.scaling} block as a YAML flow map
   */
  public static String kafkaFunction(
      String namespace,
      String name,
      Path jar,
      String scaling,
      Map<String, String> env,
      String bootstrapServers,
      String topic,
      String group,
      int lagThreshold) {
    StringBuilder envYaml = new StringBuilder("{");
    env.forEach(
        (k, v) ->
            envYaml.append(envYaml.length() > 1 ? ", " : "").append(k).append(": ").append(v));
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: %s}
        spec:
          command: [%s, -jar, %s]
          timeout: 60s
          env: %s}
          scaling: %s
          triggers:
            kafka:
              bootstrapServers: "%s"
              topics: [%s]
              consumerGroup: %s
              lagThreshold: %d
        """
        .formatted(
            name,
            namespace,
            JavaCommand.path(),
            jar.toAbsolutePath(),
            envYaml,
            scaling,
            bootstrapServers,
            topic,
            group,
            lagThreshold);
  }
}
