package io.zeroscale.loadtest.baseline;

import io.zeroscale.loadtest.generator.LoadTarget;
import io.zeroscale.loadtest.process.ChildProcesses;
import io.zeroscale.loadtest.process.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * nginx or HAProxy running in the foreground as a reverse proxy to one upstream, configured from a
 * template in {@code src/main/resources/baseline/} with keep-alive upstream connections and one
 * worker (thread) per core.
 */
public final class ReverseProxy implements AutoCloseable {

  /** The proxies compared with the router. */
  public enum Kind {
    NGINX("nginx", "nginx-light", "nginx.conf"),
    HAPROXY("haproxy", "haproxy", "haproxy.cfg");

    final String tool;
    final String debianPackage;
    final String template;

    Kind(String tool, String debianPackage, String template) {
      this.tool = tool;
      this.debianPackage = debianPackage;
      this.template = template;
    }
  }

  private final Kind kind;
  private final Process process;
  private final int port;

  private ReverseProxy(Kind kind, Process process, int port) {
    this.kind = kind;
    this.process = process;
    this.port = port;
  }

  /**
   * Installs the proxy if needed, writes its configuration under {@code dir} and starts it.
   *
   * @param upstream the function replica, {@code host:port}
   */
  public static ReverseProxy start(Kind kind, String upstream, int workers, Path dir)
      throws IOException, InterruptedException {
    Path executable = SystemPackages.require(kind.tool, kind.debianPackage);
    Files.createDirectories(dir);
    int port = FreePorts.next();
    String[] hostPort = upstream.split(":");
    Path config = dir.resolve(kind.template);
    Files.writeString(
        config,
        fill(
            template(kind.template),
            Map.of(
                "WORKERS", Integer.toString(workers),
                "DIR", dir.toAbsolutePath().toString(),
                "UPSTREAM_HOST", hostPort[0],
                "UPSTREAM_PORT", hostPort[1],
                "LISTEN_PORT", Integer.toString(port))));
    List<String> command =
        kind == Kind.NGINX
            ? List.of(
                executable.toString(),
                "-p",
                dir.toAbsolutePath() + "/",
                "-e",
                dir.resolve("error.log").toAbsolutePath().toString(),
                "-c",
                config.toAbsolutePath().toString())
            : List.of(executable.toString(), "-db", "-f", config.toAbsolutePath().toString());
    Process process =
        ChildProcesses.start(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(kind.tool + ".out").toFile()));
    ReverseProxy proxy = new ReverseProxy(kind, process, port);
    proxy.awaitListening(dir);
    return proxy;
  }

  /** Replaces each {@code ${KEY}} of the template. */
  static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    if (out.contains("${")) {
      throw new IllegalArgumentException("template has an unfilled ${...}: " + out);
    }
    return out;
  }

  private static String template(String name) throws IOException {
    try (InputStream in = ReverseProxy.class.getResourceAsStream("/baseline/" + name)) {
      if (in == null) {
        throw new IOException("template /baseline/" + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void awaitListening(Path dir) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            kind.tool + " exited with " + process.exitValue() + "; see " + dir);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException(kind.tool + " did not listen within 15 s; see " + dir);
  }

  /** The same path as the direct call, through this proxy. */
  public LoadTarget target(String pathAndQuery) {
    return new LoadTarget(kind.tool, "127.0.0.1", port, pathAndQuery);
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, 10);
  }
}
