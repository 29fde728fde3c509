package io.zeroscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionValidator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zeroscale new}: the project it writes is complete, its spec is a valid Function that runs
 * the project's own jar, and its two commands work: it builds (offline, against the artifacts the
 * zeroscale build installed) and {@code zeroscale deploy -f zeroscale.yaml} on a real platform
 * makes a function that {@code zeroscale invoke} wakes from zero.
 */
@QuarkusMainTest
class NewCommandTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path parent;

  @Test
  void writesAProjectWithHandlerTestDockerfileAndSpec(QuarkusMainLauncher launcher)
      throws Exception {
    LaunchResult result = create(launcher, "my-fn");

    assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
    Path dir = parent.resolve("my-fn");
    assertThat(dir.resolve("pom.xml")).content().contains("zeroscale-function-runtime");
    assertThat(dir.resolve("src/main/java/com/example/myfn/Handler.java"))
        .content()
        .startsWith("package com.example.myfn;");
    assertThat(dir.resolve("src/test/java/com/example/myfn/HandlerTest.java")).exists();
    assertThat(dir.resolve("src/main/docker/Dockerfile.jvm"))
        .content()
        .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/");
    assertThat(dir.resolve("mvnw")).isExecutable();
    assertThat(result.getOutput())
        .contains("./mvnw -B package")
        .contains("zeroscale deploy -f " + dir.resolve("zeroscale.yaml"));

    Function spec = FunctionCodec.read(Files.readString(dir.resolve("zeroscale.yaml")));
    assertThat(FunctionValidator.validate(spec)).isEmpty();
    assertThat(spec.key().name()).isEqualTo("my-fn");
    assertThat(spec.spec().workingDir()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    assertThat(spec.spec().command())
        .isEqualTo(List.of("java", "-jar", "target/quarkus-app/quarkus-run.jar"));
    assertThat(spec.spec().readiness().path()).isEqualTo("/q/ready");
  }

  @Test
  void aNameThatIsNoDnsLabelIsRefusedSayingWhy(QuarkusMainLauncher launcher) {
    LaunchResult result = create(launcher, "My_Fn");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("NAME must be lower-case").contains("My_Fn");
    assertThat(parent.resolve("My_Fn")).doesNotExist();
  }

  @Test
  void anExistingDirectoryIsLeftAlone(QuarkusMainLauncher launcher) throws Exception {
    Files.createDirectories(parent.resolve("taken"));

    LaunchResult result = create(launcher, "taken");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput()).contains("already exists");
  }

  @Test
  void theProjectBuildsAndDeploys(QuarkusMainLauncher launcher) throws Exception {
    // What a user does once (the README's ./zeroscale runs install): the generated project
    // depends on zeroscale-function-runtime from the local Maven repository. Installing this
    // checkout's build also keeps an older installed runtime from being tested instead.
    installRuntime();
    assertThat(create(launcher, "built-fn").exitCode()).isZero();
    Path dir = parent.resolve("built-fn");

    // -DskipTests: where Temurin 25 is installed the integration test (the AOT training run)
    // still runs the generated tests against the jar; elsewhere the build is just the package.
    Process build =
        new ProcessBuilder("./mvnw", "-B", "-o", "-ntp", "-DskipTests", "package")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("build.log").toFile())
            .start();
    assertThat(build.waitFor(8, TimeUnit.MINUTES)).as("build finished").isTrue();
    assertThat(build.exitValue())
        .as("./mvnw package failed:\n%s", tail(dir.resolve("build.log")))
        .isZero();

    Path platformJar = REPOSITORY.resolve("platform/target/quarkus-app/quarkus-run.jar");
    assertThat(platformJar)
        .as("the platform is built before cli in the reactor (./mvnw -B verify)")
        .isRegularFile();
    int control = freePort();
    Process platform = startPlatform(platformJar, control, freePort());
    try {
      String server = "--server=http://127.0.0.1:" + control;
      LaunchResult deploy =
          launcher.launch("deploy", "-f", dir.resolve("zeroscale.yaml").toString(), server);
      assertThat(deploy.exitCode()).as(deploy.getErrorOutput()).isZero();
      LaunchResult invoke = launcher.launch("invoke", "built-fn", server);
      assertThat(invoke.exitCode()).as(invoke.getErrorOutput()).isZero();
      assertThat(invoke.getOutput()).contains("hello from built-fn");
    } finally {
      platform.destroy();
      if (!platform.waitFor(45, TimeUnit.SECONDS)) {
        platform.destroyForcibly();
      }
    }
  }

  private static void installRuntime() throws Exception {
    Path log = Files.createTempFile("install-runtime", ".log");
    Process install =
        new ProcessBuilder(
                "./mvnw", "-B", "-ntp", "-DskipTests", "-pl", "function-runtime", "-am", "install")
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(install.waitFor(5, TimeUnit.MINUTES)).as("install finished").isTrue();
    assertThat(install.exitValue())
        .as("installing function-runtime failed:\n%s", tail(log))
        .isZero();
  }

  private LaunchResult create(QuarkusMainLauncher launcher, String name) {
    return launcher.launch(
        "new", name, "--dir", parent.toString(), "--home", REPOSITORY.toString());
  }

  /** The real platform, as `zeroscale up` starts it, on free ports and a fresh data directory. */
  private Process startPlatform(Path jar, int control, int router) throws Exception {
    Process platform =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + control,
                "-Dzeroscale.router.port=" + router,
                "-Dzeroscale.data-dir=" + parent.resolve("platform-data"),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(parent.resolve("platform.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/q/health/ready"))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return platform;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline || !platform.isAlive()) {
        platform.destroyForcibly();
        throw new IllegalStateException(
            "the platform did not become ready:\n" + tail(parent.resolve("platform.log")));
      }
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
