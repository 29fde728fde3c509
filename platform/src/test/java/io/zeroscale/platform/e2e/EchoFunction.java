package io.zeroscale.platform.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real function process for end-to-end tests: serves HTTP on {@code $PORT}, echoes the method,
 * path and body, sleeps {@code ?sleepMs=N} first, and names its replica in {@code X-Replica}. It
 * starts in a fraction of a second (no framework), which keeps the end-to-end tests quick; the
 * examples in {@code examples/} are the Quarkus functions.
 */
public final class EchoFunction {

  private EchoFunction() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("PORT"));
    String replica = System.getenv().getOrDefault("ZEROSCALE_REPLICA", "unknown");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    ExecutorService workers = Executors.newFixedThreadPool(64);
    server.setExecutor(workers);
    server.createContext("/", exchange -> handle(exchange, replica));
    server.start();
    System.out.println("echo function listening port=" + port + " replica=" + replica);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("echo function stopping replica=" + replica);
                  server.stop(5);
                  workers.shutdown();
                }));
  }

  private static void handle(HttpExchange exchange, String replica) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String query = exchange.getRequestURI().getRawQuery();
      long sleepMs = param(query, "sleepMs");
      if (sleepMs > 0) {
        Thread.sleep(sleepMs);
      }
      String answer =
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + " "
              + new String(body, StandardCharsets.UTF_8);
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Replica", replica);
      String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
      if (forwardedFor != null) {
        exchange.getResponseHeaders().add("X-Seen-Forwarded-For", forwardedFor);
      }
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long param(String query, String name) {
    if (query == null) {
      return 0;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Long.parseLong(pair.substring(name.length() + 1));
      }
    }
    return 0;
  }
}
