package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmStartCacheTest {

  @TempDir Path root;
  Path app;
  Path jdkJava;

  @BeforeEach
  void aBuiltFunctionWithACache() throws Exception {
    app = Files.createDirectories(root.resolve("fn/target/quarkus-app"));
    Files.writeString(app.resolve("quarkus-run.jar"), "");
    Files.writeString(app.resolve("app.aot"), "");
    jdkJava = Files.createDirectories(root.resolve("jdk25/bin")).resolve("java");
    Files.writeString(jdkJava, "#!/bin/sh\n");
    Files.setPosixFilePermissions(jdkJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    describe("java=" + jdkJava + "\naot-cache=app.aot\njvm-options=-XX:TieredStopAtLevel=1\n");
  }

  private void describe(String text) throws Exception {
    Files.writeString(app.resolve(JvmStartCache.DESCRIPTOR), text);
  }

  @Test
  void aJarWithACacheStartsOnTheCachesJdkWithTheCacheAndOptions() {
    List<String> command =
        List.of("java", "-Dx=1", "-jar", "fn/target/quarkus-app/quarkus-run.jar", "arg");

    assertThat(JvmStartCache.command(command, root))
        .containsExactly(
            jdkJava.toString(),
            "-XX:AOTCache=" + app.resolve("app.aot"),
            "-XX:TieredStopAtLevel=1",
            "-Dx=1",
            "-jar",
            "fn/target/quarkus-app/quarkus-run.jar",
            "arg");
  }

  @Test
  void anAbsoluteJavaAndJarPathWorkToo() {
    List<String> command =
        List.of("/usr/bin/java", "-jar", app.resolve("quarkus-run.jar").toString());

    assertThat(JvmStartCache.command(command, Path.of("/"))).first().isEqualTo(jdkJava.toString());
  }

  @Test
  void otherProgramsRunAsWritten() {
    List<String> node = List.of("node", "fn/target/quarkus-app/server.js");
    List<String> wrapped = List.of("sh", "-c", "java -jar fn/target/quarkus-app/quarkus-run.jar");

    assertThat(JvmStartCache.command(node, root)).isSameAs(node);
    assertThat(JvmStartCache.command(wrapped, root)).isSameAs(wrapped);
  }

  @Test
  void aJavaCommandWithoutAJarOrWithoutADescriptorRunsAsWritten() throws Exception {
    List<String> classpath = List.of("java", "-cp", "fn/classes", "Main");
    List<String> jarFlagLast = List.of("java", "-Dx=1", "-jar");
    Files.delete(app.resolve(JvmStartCache.DESCRIPTOR));
    List<String> noDescriptor = List.of("java", "-jar", "fn/target/quarkus-app/quarkus-run.jar");

    assertThat(JvmStartCache.command(classpath, root)).isSameAs(classpath);
    assertThat(JvmStartCache.command(jarFlagLast, root)).isSameAs(jarFlagLast);
    assertThat(JvmStartCache.command(noDescriptor, root)).isSameAs(noDescriptor);
  }

  @Test
  void aMissingCacheOrJdkMeansThePlainCommand() throws Exception {
    List<String> command = List.of("java", "-jar", "fn/target/quarkus-app/quarkus-run.jar");
    Files.delete(app.resolve("app.aot"));
    assertThat(JvmStartCache.command(command, root)).as("cache gone").isSameAs(command);

    Files.writeString(app.resolve("app.aot"), "");
    describe("java=" + root.resolve("nowhere/bin/java") + "\naot-cache=app.aot\n");
    assertThat(JvmStartCache.command(command, root)).as("JDK gone").isSameAs(command);
  }

  @Test
  void anUnfilledOptionsPlaceholderAddsNoOption() throws Exception {
    describe("java=" + jdkJava + "\naot-cache=app.aot\njvm-options=${zeroscale.aot.jvm-options}\n");
    List<String> command = List.of("java", "-jar", "fn/target/quarkus-app/quarkus-run.jar");

    assertThat(JvmStartCache.command(command, root))
        .containsExactly(
            jdkJava.toString(),
            "-XX:AOTCache=" + app.resolve("app.aot"),
            "-jar",
            "fn/target/quarkus-app/quarkus-run.jar");
  }
}
