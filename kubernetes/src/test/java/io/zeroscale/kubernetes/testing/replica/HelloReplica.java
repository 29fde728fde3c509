package io.zeroscale.kubernetes.testing.replica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The process behind the test image {@link #IMAGE}: serves HTTP on {@code $PORT} at 127.0.0.1.
 * {@code /} answers 200 {@code <GREETING> from <ZEROSCALE_REPLICA>} (so a test sees that the pod
 * template's environment reached it); any other path, the readiness path among them, answers 200
 * {@code ok}. With {@code IGNORE_SIGTERM=true} it does not exit on SIGTERM (a shutdown hook that
 * never returns), so only the grace period's SIGKILL ends it.
 */
public final class HelloReplica {

  /** The image name the kubelet stand-in maps onto this class in the tests. */
  public static final String IMAGE = "zeroscale.test/hello-replica:1";

  public static void main(String[] args) throws Exception {
    String replica = System.getenv().getOrDefault("ZEROSCALE_REPLICA", "unknown");
    String greeting = System.getenv().getOrDefault("GREETING", "hello");
    if ("true".equals(System.getenv("IGNORE_SIGTERM"))) {
      Runtime.getRuntime().addShutdownHook(new Thread(HelloReplica::blockForever));
    }
    int port = Integer.parseInt(System.getenv("PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange ->
            answer(
                exchange,
                exchange.getRequestURI().getPath().equals("/")
                    ? greeting + " from " + replica
                    : "ok"));
    server.start();
    System.out.println("listening port=" + port + " replica=" + replica);
  }

  /** The command that runs this class from the test class path, with the test JVM's java. */
  public static List<String> command() {
    String java = ProcessHandle.current().info().command().orElse("java");
    return List.of(
        java,
        "-Xshare:auto",
        "-XX:TieredStopAtLevel=1",
        "-Xmx32m",
        "-cp",
        Path.of("target/test-classes").toAbsolutePath().toString(),
        HelloReplica.class.getName());
  }

  private static void blockForever() {
    System.out.println("SIGTERM ignored as asked");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
