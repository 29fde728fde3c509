package io.zeroscale.loadtest.scenario.coldstart;

import io.zeroscale.loadtest.process.FunctionSpecs;
import io.zeroscale.loadtest.process.JavaCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A way of starting {@code hello} to compare in the cold-start scenario: the default (what the
 * example's build names in {@code zeroscale-jvm.properties}: Temurin 25 with the AOT cache where
 * present), and plain JVMs without a cache.
 *
 * @param label how the report names it
 * @param function the function deployed for it (one per set-up, so their replicas never mix)
 * @param java the {@code java} to run without a cache, or null for the default
 */
record JvmSetup(String label, String function, String java) {

  static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

  /** The default first (its figures are the scenario's headline), then what this machine has. */
  static List<JvmSetup> toCompare() {
    List<JvmSetup> setups = new ArrayList<>();
    setups.add(new JvmSetup("default (the build's zeroscale-jvm.properties)", "cold-hello", null));
    if (Files.isExecutable(Path.of(TEMURIN_25))) {
      setups.add(new JvmSetup("JDK 25, no cache", "cold-hello-jdk25", TEMURIN_25));
    }
    int feature = Runtime.version().feature();
    if (feature != 25) {
      setups.add(
          new JvmSetup(
              "JDK " + feature + ", no cache", "cold-hello-jdk" + feature, JavaCommand.path()));
    }
    return List.copyOf(setups);
  }

  boolean isDefault() {
    return java == null;
  }

  String spec(String namespace, Path jar, String scaling) {
    return isDefault()
        ? FunctionSpecs.javaFunction(namespace, function, jar, scaling)
        : FunctionSpecs.plainJavaFunction(namespace, function, java, jar, scaling);
  }
}
