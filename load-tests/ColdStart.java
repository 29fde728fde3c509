import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of `hello`, measured two ways in one run (interim, until the load-tests module):
 *
 * <ol>
 *   <li>alone: the function's own process start → first HTTP 200, polled every 2 ms;
 *   <li>through the platform: at zero, one request to the router → its answer; next to it, the
 *       same replica's process start → ready as the platform measured it. The difference is the
 *       platform's overhead (poke, decision, process launch, probe granularity, forwarding).
 * </ol>
 *
 * Run with load-tests/cold-start.sh, which builds and starts what it needs.
 */
public class ColdStart {

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String control = args[1];
    String router = args[2];
    Path jar = Path.of("examples/hello/target/quarkus-app/quarkus-run.jar");

    List<Double> alone = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      alone.add(alone(jar, 18999));
    }

    deploy(control, jar);
    List<Double> total = new ArrayList<>();
    List<Double> ownStart = new ArrayList<>();
    List<Double> overhead = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      awaitZero(control);
      long t0 = System.nanoTime();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(router + "/fn/default/cold-hello/")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      double ms = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 200) throw new IllegalStateException("round " + i + ": HTTP " + r.statusCode() + " " + r.body());
      double startup = startupMillis(control);
      total.add(ms);
      ownStart.add(startup);
      overhead.add(ms - startup);
      System.err.printf("round %d: answered after %.0f ms; replica start→ready %.0f ms; overhead %.0f ms%n", i + 1, ms, startup, ms - startup);
    }
    HTTP.send(HttpRequest.newBuilder(URI.create(control + "/api/v1/functions/default/cold-hello")).DELETE().build(), HttpResponse.BodyHandlers.discarding());

    System.out.println();
    System.out.println("cold start of examples/hello, " + rounds + " rounds, JDK " + Runtime.version().feature() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    System.out.printf("%-58s %8s %8s %8s%n", "measure", "p50 ms", "min ms", "max ms");
    row("hello alone: process start -> first 200 (2 ms polling)", alone);
    row("through zeroscale at zero: request -> answer", total);
    row("  of which the replica's own start -> ready", ownStart);
    row("  platform overhead (difference, per round)", overhead);
  }

  static void row(String name, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    System.out.printf("%-58s %8.0f %8.0f %8.0f%n", name, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
  }

  static double alone(Path jar, int port) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PORT", Integer.toString(port));
    long t0 = System.nanoTime();
    Process p = pb.start();
    try {
      HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(1)).build();
      while (true) {
        try {
          if (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - t0) / 1e6;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        if (!p.isAlive()) throw new IllegalStateException("hello exited with " + p.exitValue());
        Thread.sleep(2);
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  static void deploy(String control, Path jar) throws Exception {
    String spec = """
        metadata: {name: cold-hello}
        spec:
          command: [java, -jar, %s]
          scaling: {minScale: 0, maxScale: 1, scaleToZeroGracePeriod: 1s}
        """.formatted(jar.toAbsolutePath());
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(control + "/api/v1/functions/default/cold-hello")).header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(spec)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) throw new IllegalStateException("deploy: " + r.body());
  }

  static void awaitZero(String control) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String scale = get(control + "/api/v1/functions/default/cold-hello/scale");
      String replicas = get(control + "/api/v1/functions/default/cold-hello/replicas");
      if (scale.contains("\"desired\":0") && scale.contains("\"ready\":0") && replicas.equals("[]")) return;
      Thread.sleep(100);
    }
    throw new IllegalStateException("cold-hello did not return to zero within 60 s");
  }

  static double startupMillis(String control) throws Exception {
    Matcher m = Pattern.compile("\"startupMillis\":(\\d+)").matcher(get(control + "/api/v1/functions/default/cold-hello/replicas"));
    if (!m.find()) throw new IllegalStateException("no ready replica reported");
    return Double.parseDouble(m.group(1));
  }

  static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
