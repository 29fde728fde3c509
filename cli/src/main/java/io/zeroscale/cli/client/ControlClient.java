package io.zeroscale.cli.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Calls the control API of one platform instance. */
public final class ControlClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ControlClient(String server) {
    this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
  }

  public String server() {
    return server;
  }

  public List<Function> list(String namespace) {
    String query = namespace == null ? "" : "?namespace=" + namespace;
    return read(send(get("/api/v1/functions" + query)), new TypeReference<>() {});
  }

  public Function get(FunctionKey key) {
    return read(send(get(path(key))), new TypeReference<>() {});
  }

  public JsonNode replicas(FunctionKey key) {
    return read(send(get(path(key) + "/replicas")), new TypeReference<>() {});
  }

  public String logs(FunctionKey key, int tail) {
    return send(get(path(key) + "/logs?tail=" + tail)).body();
  }

  /** Creates or replaces a function from its YAML or JSON text. */
  public Function apply(FunctionKey key, String spec) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path(key)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(spec))
            .build();
    return read(send(request), new TypeReference<>() {});
  }

  public void delete(FunctionKey key) {
    send(HttpRequest.newBuilder(uri(path(key))).timeout(Duration.ofSeconds(30)).DELETE().build());
  }

  /** The platform's self-description: router URL, domain, version. */
  public JsonNode info() {
    return read(send(get("/api/v1/info")), new TypeReference<>() {});
  }

  /** True when the platform answers its readiness check. */
  public boolean ready() {
    try {
      HttpResponse<String> response =
          http.send(get("/q/health/ready"), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliException(
          "cannot reach the zeroscale platform at "
              + server
              + ": is it running? Start it with './zeroscale up', or point --server at it.");
    } catch (IOException e) {
      throw new CliException("request to " + request.uri() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
    if (response.statusCode() >= 400) {
      throw CliException.fromErrorBody(response.statusCode(), response.body());
    }
    return response;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private URI uri(String path) {
    return URI.create(server + path);
  }

  private static String path(FunctionKey key) {
    return "/api/v1/functions/" + key.namespace() + "/" + key.name();
  }

  private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new CliException("unexpected answer from the platform: " + e.getMessage());
    }
  }

  static ObjectMapper json() {
    return JSON;
  }
}
