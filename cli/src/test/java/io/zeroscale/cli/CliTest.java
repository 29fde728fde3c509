package io.zeroscale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI as a user meets it: help that helps, and errors without stack traces. */
@QuarkusMainTest
class CliTest {

  @Test
  @Launch("--help")
  void helpListsEveryCommand(LaunchResult result) {
    assertThat(result.getOutput())
        .contains("up", "deploy", "list", "describe", "invoke", "logs", "delete", "Examples:");
  }

  @Test
  void deployRejectsAnInvalidFileBeforeCallingThePlatform(QuarkusMainLauncher launcher)
      throws Exception {
    Path spec = Files.createTempFile("bad-function", ".yaml");
    Files.writeString(
        spec, "metadata: {name: Bad}\nspec:\n  scaling: {minScale: 2, maxScale: 1}\n");
    LaunchResult result = launcher.launch("deploy", "-f", spec.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains("is not a valid function")
        .contains("metadata.name")
        .contains("spec.scaling.maxScale: must be >= minScale (2), was 1")
        .doesNotContain("Exception");
  }

  @Test
  void aClientCommandWithoutAPlatformSaysHowToStartIt(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("list", "--server", "http://127.0.0.1:9");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.getErrorOutput())
        .contains("cannot reach the zeroscale platform")
        .contains("./zeroscale up");
  }
}
