package io.zeroscale.cli.command;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.cli.client.CliException;
import io.zeroscale.cli.client.ControlClient;
import io.zeroscale.cli.cluster.ClusterFunctions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "invoke",
    description = "Call a function through the router and print its answer (wakes it from zero).",
    mixinStandardHelpOptions = true)
class InvokeCommand extends FunctionCommand {

  @Option(
      names = {"-d", "--data"},
      description = "Request body; sends a POST unless -X says otherwise.")
  String data;

  @Option(
      names = {"-X", "--method"},
      description = "HTTP method (default GET, or POST with --data).")
  String method;

  @Option(
      names = "--path",
      defaultValue = "/",
      description = "Path under the function (default ${DEFAULT-VALUE}), query included.")
  String path;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "NAME:VALUE",
      description = "Extra request header; repeatable.")
  List<String> headers = List.of();

  @Option(
      names = {"-i", "--include"},
      description = "Print the status line and the response headers.")
  boolean include;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "Seconds to wait for the answer (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--router",
      paramLabel = "URL",
      description =
          "Router to call through (default: the platform's, or with --kubernetes the function's"
              + " status.url); for a cluster router reached by port-forward, say.")
  String router;

  /** Why a call to the in-cluster URL of {@code status.url} may fail from a laptop. */
  private static final String OUTSIDE_THE_CLUSTER =
      "\nhint: status.url is the router's address inside the cluster; from outside it, forward"
          + " the router (kubectl -n zeroscale port-forward svc/zeroscale-router 8080:80) and pass"
          + " --router http://localhost:8080";

  /** Appended to a failed call's message. */
  private String outsideHint = "";

  @Override
  int run(ControlClient client) {
    FunctionKey key = key();
    String base = router != null ? router : client.info().path("routerUrl").asText();
    return call(key, functionUrl(base, key));
  }

  /** Through {@code --router}, else the URL the controller wrote into the function's status. */
  @Override
  int runOnCluster(ClusterFunctions cluster) {
    FunctionKey key = key();
    if (router != null) {
      return call(key, functionUrl(router, key));
    }
    Function function = cluster.get(key);
    String url = function.status() == null ? null : function.status().url();
    if (url == null || url.isBlank()) {
      throw new CliException(
          "function "
              + key
              + " has no status.url yet (is the zeroscale controller running?); pass --router URL"
              + " to call it through a router you can reach");
    }
    outsideHint = OUTSIDE_THE_CLUSTER;
    return call(key, url);
  }

  private static String functionUrl(String router, FunctionKey key) {
    String base = router.endsWith("/") ? router.substring(0, router.length() - 1) : router;
    return base + "/fn/" + key.namespace() + "/" + key.name() + "/";
  }

  /** Calls {@code functionUrl} (ending in '/') plus {@code --path}. */
  private int call(FunctionKey key, String functionUrl) {
    String base =
        functionUrl.endsWith("/")
            ? functionUrl.substring(0, functionUrl.length() - 1)
            : functionUrl;
    URI uri;
    try {
      uri = URI.create(base + (path.startsWith("/") ? path : "/" + path));
    } catch (IllegalArgumentException e) {
      throw new CliException("not a URL: " + base + path + " (" + e.getMessage() + ")");
    }
    HttpRequest request = request(uri);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response = await(answer, key);
    if (include) {
      System.out.println("HTTP " + response.statusCode());
      response
          .headers()
          .map()
          .forEach((k, values) -> values.forEach(v -> System.out.println(k + ": " + v)));
      System.out.println();
    }
    if (response.statusCode() >= 400) {
      System.err.println("HTTP " + response.statusCode() + " from " + uri);
      System.err.println(response.body());
      return 1;
    }
    System.out.print(response.body());
    if (!response.body().endsWith("\n")) {
      System.out.println();
    }
    return 0;
  }

  private HttpRequest request(URI uri) {
    String verb = method != null ? method.toUpperCase() : (data != null ? "POST" : "GET");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .method(
                verb,
                data == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(data));
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new CliException("header '" + header + "' must look like NAME:VALUE");
      }
      builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }
    return builder.build();
  }

  /** Waits for the answer, telling the user after a second that the function is waking up. */
  private HttpResponse<String> await(
      CompletableFuture<HttpResponse<String>> answer, FunctionKey key) {
    long started = System.nanoTime();
    boolean announced = false;
    try {
      while (true) {
        try {
          HttpResponse<String> response = answer.get(1, TimeUnit.SECONDS);
          if (announced) {
            System.err.printf(" answered after %.1f s%n", (System.nanoTime() - started) / 1e9);
          }
          return response;
        } catch (TimeoutException e) {
          if (!announced) {
            System.err.print("waiting for " + key + " (starting a replica if it is at zero) ");
            announced = true;
          }
          System.err.print(".");
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new CliException("calling " + key + " failed: " + cause + outsideHint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }
}
