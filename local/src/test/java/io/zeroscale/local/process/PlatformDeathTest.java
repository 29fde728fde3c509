package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zeroscale.local.testfn.PlatformStandIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform itself dies by SIGKILL: its replicas must not outlive it. */
class PlatformDeathTest {

  @TempDir Path dataDir;

  @Test
  void replicasDieWithAPlatformKilledBySigkill() throws Exception {
    Path setpriv = ReplicaLauncher.SETPRIV;
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(setpriv), "needs setpriv; without it leftovers are reaped at start");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process platform =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    PlatformStandIn.class.getName(),
                    dataDir.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      CompletableFuture<Long> replicaPid =
          CompletableFuture.supplyAsync(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(platform.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    if (line.startsWith("replica-pid=")) {
                      return Long.parseLong(line.substring("replica-pid=".length()));
                    }
                  }
                  throw new IllegalStateException("the platform stand-in ended first");
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      long pid = replicaPid.get(30, TimeUnit.SECONDS);
      Optional<ProcessHandle> replica = ProcessHandle.of(pid);
      assertThat(replica).as("replica running").hasValueSatisfying(p -> p.isAlive());

      platform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> replica.map(p -> !p.isAlive()).orElse(true));
    } finally {
      platform.destroyForcibly();
    }
  }
}
