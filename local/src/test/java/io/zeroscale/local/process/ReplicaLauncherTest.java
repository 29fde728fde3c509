package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.TriggersSpec;
import io.zeroscale.local.testfn.TestFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaLauncherTest {

  @TempDir Path dir;

  /**
   * With {@code setpriv --pdeathsig KILL} the kernel kills a child when the thread that forked it
   * ends; replicas must outlive the worker thread that asked for them.
   */
  @Test
  void aReplicaOutlivesTheThreadThatAskedForIt() throws Exception {
    try (ReplicaLauncher launcher = new ReplicaLauncher()) {
      FunctionSpec spec =
          new FunctionSpec(
              null,
              TestFunctions.command(),
              null,
              null,
              Map.of("STARTUP_DELAY_MS", "60000"),
              null,
              null,
              null);
      AtomicReference<Process> process = new AtomicReference<>();
      Thread asker =
          new Thread(
              () -> {
                try {
                  process.set(
                      launcher.launch(
                          FunctionKey.of("test", "outlive"),
                          "outlive-1",
                          spec,
                          1,
                          dir.resolve("outlive.log")));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      asker.start();
      asker.join();
      try {
        assertThat(process.get()).isNotNull();
        await()
            .during(Duration.ofMillis(700))
            .atMost(Duration.ofSeconds(5))
            .until(process.get()::isAlive);
      } finally {
        process.get().destroyForcibly();
      }
    }
  }

  @Test
  void aReplicaGetsItsPortIdAndTriggerInTheEnvironment() throws Exception {
    Path envFile = dir.resolve("env.txt");
    FunctionSpec spec =
        new FunctionSpec(
            null,
            List.of("sh", "-c", "env > " + envFile),
            null,
            null,
            Map.of("GREETING", "hi"),
            null,
            null,
            null,
            new TriggersSpec(
                new KafkaTriggerSpec(
                    "127.0.0.1:9092", List.of("words"), null, null, null, null, null, null)));
    try (ReplicaLauncher launcher = new ReplicaLauncher()) {
      Process p =
          launcher.launch(FunctionKey.of("test", "wc"), "wc-1", spec, 23456, dir.resolve("wc.log"));
      assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readAllLines(envFile))
        .contains(
            "GREETING=hi",
            "PORT=23456",
            "ZEROSCALE_FUNCTION=test/wc",
            "ZEROSCALE_REPLICA=wc-1",
            "ZEROSCALE_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092",
            "ZEROSCALE_KAFKA_TOPICS=words",
            "ZEROSCALE_KAFKA_GROUP_ID=zeroscale-test-wc",
            "ZEROSCALE_KAFKA_DEAD_LETTER_TOPIC=zeroscale-test-wc-dlq");
  }
}
