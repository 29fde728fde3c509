package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.local.AtomicFile;
import io.zeroscale.local.testfn.TestFunctions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

  @TempDir Path dir;

  private static Process startFunction() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(TestFunctions.command());
    builder.environment().put("PORT", "0");
    builder.environment().put("STARTUP_DELAY_MS", "60000");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  @Test
  void leftoverReplicasOfAPreviousRunAreKilled() throws Exception {
    Process leftover = startFunction();
    try {
      PidFiles files = new PidFiles(dir);
      files.write(FunctionKey.of("default", "hello"), "hello-abc123", leftover.toHandle());

      assertThat(new PidFiles(dir).reapLeftovers()).isEqualTo(1);

      await().atMost(Duration.ofSeconds(10)).until(() -> !leftover.isAlive());
      assertThat(dir.resolve("default/hello/hello-abc123.pid")).doesNotExist();
    } finally {
      leftover.destroyForcibly();
    }
  }

  @Test
  void aPidNowUsedByAnotherProcessIsLeftAlone() throws Exception {
    Process unrelated = startFunction();
    try {
      long realStart = unrelated.info().startInstant().orElseThrow().toEpochMilli();
      AtomicFile.write(
          dir.resolve("default/hello/hello-old.pid"),
          "pid=" + unrelated.pid() + "\nstart=" + (realStart - 60_000) + "\n");

      assertThat(new PidFiles(dir).reapLeftovers()).isZero();

      assertThat(unrelated.isAlive()).isTrue();
      assertThat(dir.resolve("default/hello/hello-old.pid")).doesNotExist();
    } finally {
      unrelated.destroyForcibly();
    }
  }
}
