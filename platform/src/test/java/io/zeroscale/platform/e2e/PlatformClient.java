package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the end-to-end tests do with a running platform: deploy a real {@link EchoFunction} process
 * through the control API, call it through the router, read its scale.
 */
final class PlatformClient {

  static {
    // Specs travel as YAML; RestAssured sends such a String body as text.
    io.restassured.RestAssured.config =
        io.restassured.RestAssured.config()
            .encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/yaml", ContentType.TEXT));
  }

  static final String JAVA = ProcessHandle.current().info().command().orElse("java");
  static final String TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The echo function as a spec, with the given scaling block (YAML flow map). */
  static String echoSpec(String name, String scaling) {
    return """
        apiVersion: zeroscale.io/v1alpha1
        kind: Function
        metadata: {name: %s, namespace: default}
        spec:
          command: [%s, -cp, %s, %s]
          timeout: 20s
          scaling: %s
        """
        .formatted(name, JAVA, TEST_CLASSES, EchoFunction.class.getName(), scaling);
  }

  void deploy(String name, String scaling) {
    apply(name, echoSpec(name, scaling));
  }

  /** Creates or replaces {@code default/name} with the spec {@code yaml}. */
  void apply(String name, String yaml) {
    given()
        .contentType("application/yaml")
        .body(yaml)
        .put("/api/v1/functions/default/" + name)
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }

  void delete(String name) {
    given().delete("/api/v1/functions/default/" + name);
  }

  String routerUrl() {
    return given().get("/api/v1/info").then().statusCode(200).extract().path("routerUrl");
  }

  URI functionUri(String name, String pathAndQuery) {
    return URI.create(routerUrl() + "/fn/default/" + name + pathAndQuery);
  }

  int ready(String name) {
    return scale(name).getInt("ready");
  }

  int desired(String name) {
    return scale(name).getInt("desired");
  }

  private JsonPath scale(String name) {
    return given()
        .accept(ContentType.JSON)
        .get("/api/v1/functions/default/" + name + "/scale")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  List<Long> pids(String name) {
    return given()
        .get("/api/v1/functions/default/" + name + "/replicas")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { it.state == 'READY' }.pid", Long.class);
  }

  CompletableFuture<HttpResponse<String>> post(URI uri, String body) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The value of {@code metric} for the function {@code name} at /q/metrics, or -1 if absent. */
  double metric(String metric, String name) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return text.lines()
        .filter(l -> l.startsWith(metric + "{") && l.contains("function=\"" + name + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(-1);
  }
}
