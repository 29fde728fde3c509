package io.zeroscale.loadtest.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.loadtest.generator.LoadTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A zeroscale platform started for a benchmark: {@code java -jar quarkus-run.jar} from a snapshot
 * of {@code platform/target/quarkus-app} ({@link AppSnapshots}) on free ports with a temporary data
 * directory, its output in a log file, and a client of its control API. {@link #close} stops it
 * (its replicas go with it) and removes the data directory.
 */
public final class PlatformProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int routerPort;
  private final int controlPort;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** A function's desired and ready replicas. */
  public record Scale(int desired, int ready) {}

  /** One replica as the control API lists it; {@code startupMillis} is null while starting. */
  public record Replica(String id, String state, long pid, String address, Long startupMillis) {}

  private PlatformProcess(Process process, int routerPort, int controlPort) {
    this.process = process;
    this.routerPort = routerPort;
    this.controlPort = controlPort;
  }

  /**
   * Starts a platform and waits until it is ready.
   *
   * @param properties extra system properties ({@code zeroscale.autoscaler.tick=500ms}...)
   */
  public static PlatformProcess start(Path repoRoot, Path logFile, Map<String, String> properties)
      throws IOException, InterruptedException {
    Path jar = AppSnapshots.quarkusRunJar(repoRoot, "platform");
    int router = FreePorts.next();
    int control = FreePorts.next();
    Path data = Files.createTempDirectory("zeroscale-bench-");
    List<String> command = new ArrayList<>();
    command.add(JavaCommand.path());
    command.add("-Dquarkus.http.port=" + control);
    command.add("-Dzeroscale.router.port=" + router);
    command.add("-Dzeroscale.router.host=127.0.0.1");
    command.add("-Dzeroscale.data-dir=" + data);
    // A benchmark's stop need not wait for a 30 s drain.
    command.add("-Dzeroscale.drain-timeout=2s");
    command.add("-Dquarkus.shutdown.timeout=10s");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-jar");
    command.add(jar.toString());
    Files.createDirectories(logFile.getParent());
    Process process =
        ChildProcesses.start(
            new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile()),
            () -> keepLogsAndDelete(data, logFile.resolveSibling("replica-logs")));
    PlatformProcess platform = new PlatformProcess(process, router, control);
    platform.awaitHealthy(logFile);
    return platform;
  }

  private void awaitHealthy(Path logFile) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw new IllegalStateException(
            "the platform exited with " + process.exitValue() + "; see " + logFile);
      }
      if (status("GET", "/q/health/ready", null) == 200) {
        return;
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("the platform was not ready within 60 s; see " + logFile);
  }

  /** Keeps the replicas' output next to the platform log, then removes the data directory. */
  private static void keepLogsAndDelete(Path data, Path replicaLogs) {
    TempFolders.copy(data.resolve("logs"), replicaLogs);
    TempFolders.delete(data);
  }

  public long pid() {
    return process.pid();
  }

  public int routerPort() {
    return routerPort;
  }

  /** The function's route through the router. */
  public LoadTarget route(String namespace, String name, String pathAndQuery) {
    return new LoadTarget(
        "zeroscale", "127.0.0.1", routerPort, "/fn/" + namespace + "/" + name + pathAndQuery);
  }

  /** Creates or replaces a function from its YAML. */
  public void apply(String namespace, String name, String yaml) {
    HttpResponse<String> response = call("PUT", path(namespace, name, ""), yaml);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          "deploying " + namespace + "/" + name + " failed: " + response.body());
    }
  }

  public void delete(String namespace, String name) {
    call("DELETE", path(namespace, name, ""), null);
  }

  /**
   * Deletes the function and waits until the processes of its replicas have exited, so that they
   * take no CPU from what is measured next.
   */
  public void deleteAndAwaitStopped(String namespace, String name, Duration timeout)
      throws InterruptedException {
    List<ProcessHandle> replicas =
        replicas(namespace, name).stream()
            .map(r -> ProcessHandle.of(r.pid()))
            .flatMap(java.util.Optional::stream)
            .toList();
    delete(namespace, name);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (replicas.stream().anyMatch(ProcessHandle::isAlive)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "replicas of deleted "
                + namespace
                + "/"
                + name
                + " still run after "
                + timeout.toSeconds()
                + " s; see the platform log");
      }
      Thread.sleep(50);
    }
  }

  public Scale scale(String namespace, String name) {
    JsonNode node = json(path(namespace, name, "/scale"));
    return new Scale(node.path("desired").asInt(), node.path("ready").asInt());
  }

  public List<Replica> replicas(String namespace, String name) {
    List<Replica> replicas = new ArrayList<>();
    for (JsonNode r : json(path(namespace, name, "/replicas"))) {
      replicas.add(
          new Replica(
              r.path("id").asText(),
              r.path("state").asText(),
              r.path("pid").asLong(-1),
              r.path("address").asText(),
              r.hasNonNull("startupMillis") ? r.get("startupMillis").asLong() : null));
    }
    return replicas;
  }

  /** Waits until the function has at least {@code count} ready replicas. */
  public void awaitReady(String namespace, String name, int count, Duration timeout)
      throws InterruptedException {
    awaitScale(namespace, name, s -> s.ready() >= count, timeout, count + " ready replicas");
  }

  /** Waits until the function runs no replica at all. */
  public void awaitZero(String namespace, String name, Duration timeout)
      throws InterruptedException {
    awaitScale(
        namespace,
        name,
        s -> s.desired() == 0 && s.ready() == 0 && replicas(namespace, name).isEmpty(),
        timeout,
        "zero replicas");
  }

  private void awaitScale(
      String namespace, String name, Predicate<Scale> done, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(scale(namespace, name))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            namespace
                + "/"
                + name
                + " did not reach "
                + what
                + " within "
                + timeout.toSeconds()
                + " s (scale "
                + scale(namespace, name)
                + "); see the platform log");
      }
      Thread.sleep(50);
    }
  }

  private static String path(String namespace, String name, String tail) {
    return "/api/v1/functions/" + namespace + "/" + name + tail;
  }

  private JsonNode json(String path) {
    HttpResponse<String> response = call("GET", path, null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path + " answered no JSON", e);
    }
  }

  private int status(String method, String path, String body) {
    try {
      return call(method, path, body).statusCode();
    } catch (UncheckedIOException e) {
      return -1;
    }
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/yaml")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling the control API", e);
    }
  }

  /** Stops the platform (its replicas drain and stop with it) and removes its data directory. */
  @Override
  public void close() {
    ChildProcesses.stop(process, 20);
  }
}
