package io.zeroscale.local.testfn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny function for the local backend's tests, started as a real child process. Serves HTTP on
 * {@code $PORT}: {@code /} answers 200 with {@code hello from <replica>}, {@code /sleep?ms=N}
 * answers after N ms. {@code STARTUP_DELAY_MS} delays binding; {@code EXIT_AT_ONCE} makes it exit
 * with code 3 before serving; {@code EXIT_AFTER_FIRST_REQUEST_MS=N} makes it exit with code 4 N ms
 * after answering its first request (a crash right after becoming ready).
 */
public final class TestFunction {

  public static void main(String[] args) throws Exception {
    String replica = System.getenv().getOrDefault("ZEROSCALE_REPLICA", "unknown");
    System.out.println("test function starting replica=" + replica);
    if (System.getenv("EXIT_AT_ONCE") != null) {
      System.out.println("exiting at once as asked");
      System.exit(3);
    }
    long delay = Long.parseLong(System.getenv().getOrDefault("STARTUP_DELAY_MS", "0"));
    if (delay > 0) {
      Thread.sleep(delay);
    }
    int port = Integer.parseInt(System.getenv("PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
    server.setExecutor(Executors.newCachedThreadPool());
    String exitAfter = System.getenv("EXIT_AFTER_FIRST_REQUEST_MS");
    AtomicBoolean answered = new AtomicBoolean();
    server.createContext(
        "/",
        exchange -> {
          if (exitAfter != null && answered.compareAndSet(false, true)) {
            exitLater(Long.parseLong(exitAfter));
          }
          String query = exchange.getRequestURI().getQuery();
          if (exchange.getRequestURI().getPath().startsWith("/sleep") && query != null) {
            try {
              Thread.sleep(Long.parseLong(query.replace("ms=", "")));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          answer(exchange, "hello from " + replica);
        });
    server.start();
    System.out.println("listening port=" + port + " replica=" + replica);
  }

  private static void exitLater(long ms) {
    Thread exit =
        new Thread(
            () -> {
              try {
                Thread.sleep(ms);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              System.out.println("crashing as asked");
              System.exit(4);
            });
    exit.setDaemon(true);
    exit.start();
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
