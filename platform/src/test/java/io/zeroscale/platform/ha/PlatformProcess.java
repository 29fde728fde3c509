package io.zeroscale.platform.ha;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged platform ({@code target/quarkus-app}) as a process of its own on the Kubernetes
 * backend, named by {@code HOSTNAME} (so its Lease identity starts with the name) and by its
 * client's user agent (so the API server's recorded requests tell the instances apart).
 */
final class PlatformProcess implements AutoCloseable {

  private static final Path APP = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
  private static final String SETPRIV = "/usr/bin/setpriv";

  final String name;
  final int routerPort;
  final int controlPort;
  private final Process process;
  private final File logFile;

  private PlatformProcess(
      String name, int routerPort, int controlPort, Process process, File logFile) {
    this.name = name;
    this.routerPort = routerPort;
    this.controlPort = controlPort;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts the platform with every role; returns at once (see {@link #ready}). */
  static PlatformProcess start(String name, String apiServerUrl) throws IOException {
    return start(name, apiServerUrl, "all", "default");
  }

  /**
   * Starts the platform with {@code roles} ({@code zeroscale.roles}); returns at once. Its Lease
   * and the Service {@code zeroscale-data-path} it finds data-path instances through are in {@code
   * platformNamespace} (the pod's own in a cluster).
   */
  static PlatformProcess start(
      String name, String apiServerUrl, String roles, String platformNamespace) throws IOException {
    if (!APP.toFile().isFile()) {
      throw new IllegalStateException(APP + " is missing: run the package phase first");
    }
    int router = freePort();
    int control = freePort();
    List<String> command = new ArrayList<>();
    if (new File(SETPRIV).canExecute()) {
      // The kernel kills the platform when the test JVM dies: no leftovers.
      command.addAll(List.of(SETPRIV, "--pdeathsig", "KILL", "--"));
    }
    command.addAll(
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Xmx256m",
            "-Dzeroscale.backend=kubernetes",
            "-Dzeroscale.kubernetes.api-server-url=" + apiServerUrl,
            "-Dkubernetes.user.agent=" + name,
            "-Dzeroscale.roles=" + roles,
            "-Dzeroscale.kubernetes.lease.namespace=" + platformNamespace,
            "-Dzeroscale.kubernetes.peers.namespace=" + platformNamespace,
            "-Dzeroscale.kubernetes.lease.duration=4s",
            "-Dzeroscale.kubernetes.lease.renew-deadline=3s",
            "-Dzeroscale.kubernetes.lease.retry-period=500ms",
            "-Dzeroscale.kubernetes.pre-stop-sleep=1s",
            "-Dzeroscale.autoscaler.tick=500ms",
            "-Dzeroscale.router.host=127.0.0.1",
            "-Dzeroscale.router.port=" + router,
            "-Dquarkus.http.port=" + control,
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.shutdown.timeout=5s",
            "-Dquarkus.log.category.\"io.fabric8\".level=WARN",
            "-Dzeroscale.data-dir=target/two-instances/" + name,
            "-jar",
            APP.toString()));
    File log = new File("target/two-instances/" + name + ".log");
    log.getParentFile().mkdirs();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log));
    builder.environment().put("HOSTNAME", name);
    return new PlatformProcess(name, router, control, builder.start(), log);
  }

  URI control(String path) {
    return URI.create("http://127.0.0.1:" + controlPort + path);
  }

  URI router(String path) {
    return URI.create("http://127.0.0.1:" + routerPort + path);
  }

  /**
   * Creates the function {@code default/hello} running {@link StandInCluster#IMAGE} through this
   * instance's control API, with {@code spec} after the image (YAML flow map entries).
   */
  HttpResponse<String> deployHello(HttpClient http, String spec) throws Exception {
    String yaml =
        """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: hello, namespace: default}
        spec: {image: %s, %s}
        """
            .formatted(StandInCluster.IMAGE, spec);
    return http.send(
        HttpRequest.newBuilder(control("/api/v1/functions/default/hello"))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Whether {@code /q/health/ready} answers 200. */
  boolean ready(HttpClient http) {
    try {
      HttpResponse<Void> r =
          http.send(
              HttpRequest.newBuilder(control("/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What the instance logged so far. */
  String log() throws IOException {
    return java.nio.file.Files.readString(logFile.toPath());
  }

  boolean alive() {
    return process.isAlive();
  }

  /**
   * The value of an unlabelled metric, or of the one labelled {@code function=name}; -1 if absent.
   */
  double metric(HttpClient http, String metric, String function) throws Exception {
    String text =
        http.send(
                HttpRequest.newBuilder(control("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return text.lines()
        .filter(
            l ->
                function == null
                    ? l.startsWith(metric + " ")
                    : l.startsWith(metric + "{") && l.contains("function=\"" + function + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }

  /** SIGSTOP (true) or SIGCONT (false): the process stops answering without closing anything. */
  void freeze(boolean frozen) throws Exception {
    int exit =
        new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid()))
            .inheritIO()
            .start()
            .waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill exited " + exit);
    }
  }

  /** SIGTERM, as Kubernetes stops a pod; waits up to 30 s for the exit. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
