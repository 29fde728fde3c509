package io.zeroscale.loadtest.scenario.coldstart;

import io.zeroscale.loadtest.process.ChildProcesses;
import io.zeroscale.loadtest.process.FreePorts;
import io.zeroscale.loadtest.process.JavaCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The function's own start-up without the platform: process start → first HTTP 200 on {@code /},
 * polled every 2 ms (as the platform's probe polls every 10 ms, this is the finer of the two). The
 * command is the one the platform ran for a replica (read from {@code /proc}), so that a JDK or an
 * AOT cache the local backend chose is used here too.
 */
final class FunctionAlone {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private FunctionAlone() {}

  /** The command line of a running process, or {@code java -jar jar} when it cannot be read. */
  static List<String> commandOf(long pid, Path jar) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      List<String> args =
          new ArrayList<>(List.of(new String(raw, StandardCharsets.UTF_8).split("\u0000")));
      if (!args.isEmpty() && args.get(0).endsWith("setpriv")) {
        args = args.subList(args.indexOf("--") + 1, args.size());
      }
      if (args.contains("-jar")) {
        return List.copyOf(args);
      }
    } catch (IOException | RuntimeException e) {
      // fall back below
    }
    return List.of(JavaCommand.path(), "-jar", jar.toString());
  }

  static double startMillis(List<String> command, Path log)
      throws IOException, InterruptedException {
    String jar = command.get(command.indexOf("-jar") + 1);
    int port = FreePorts.next();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PORT", Integer.toString(port));
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(1))
            .build();
    long start = System.nanoTime();
    Process process = ChildProcesses.start(builder);
    try {
      long deadline = start + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        try {
          if (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - start) / 1e6;
          }
        } catch (IOException notListeningYet) {
          // keep polling
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              jar + " exited with " + process.exitValue() + " before answering; see " + log);
        }
        Thread.sleep(2);
      }
      throw new IllegalStateException(jar + " did not answer within 60 s; see " + log);
    } finally {
      ChildProcesses.stop(process, 10);
    }
  }
}
