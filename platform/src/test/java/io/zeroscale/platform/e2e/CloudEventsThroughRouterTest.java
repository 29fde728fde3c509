package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudEvents through the platform's router to the real {@code examples/events} function, deployed
 * from its own function.yaml: a binary and a structured round trip, and a malformed event answered
 * 400 by the function (not turned into a platform error). Each test wakes the function from zero.
 */
@QuarkusTest
class CloudEventsThroughRouterTest {

  private static final Path REPOSITORY = ExampleFunctions.REPOSITORY;
  private static final String GREET = "io.zeroscale.example.greet";
  private final PlatformClient platform = new PlatformClient();

  @BeforeEach
  void deploy() throws Exception {
    Path jar = REPOSITORY.resolve("examples/events/target/quarkus-app/quarkus-run.jar");
    assertThat(jar).as("build examples/events first (mvn -pl examples/events install)").exists();
    Function deployable = ExampleFunctions.deployable("events");
    given()
        .contentType("application/yaml")
        .body(FunctionCodec.toYaml(deployable))
        .put("/api/v1/functions/default/events")
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }

  @AfterEach
  void cleanUp() {
    platform.delete("events");
  }

  @Test
  void binaryModeRoundTrip() throws Exception {
    HttpResponse<String> answer =
        platform.send(
            HttpRequest.newBuilder(platform.functionUri("events", "/"))
                .header("ce-specversion", "1.0")
                .header("ce-id", "b-1")
                .header("ce-source", "/e2e")
                .header("ce-type", GREET)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ada\"}"))
                .build());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("ce-id")).hasValue("b-1-greeting");
    assertThat(answer.headers().firstValue("ce-type")).hasValue("io.zeroscale.example.greeting");
    assertThat(answer.headers().firstValue("ce-source"))
        .get()
        .asString()
        .startsWith("/zeroscale/events/events-");
    assertThat(answer.body()).isEqualTo("{\"greeting\":\"hello ada\"}");
  }

  @Test
  void structuredModeRoundTrip() throws Exception {
    HttpResponse<String> answer =
        platform.send(
            HttpRequest.newBuilder(platform.functionUri("events", "/"))
                .header("Content-Type", "application/cloudevents+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"specversion":"1.0","id":"s-1","source":"/e2e","type":"%s",
                         "datacontenttype":"application/json","data":{"name":"grace"}}
                        """
                            .formatted(GREET)))
                .build());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/cloudevents+json");
    assertThat(answer.body())
        .contains("\"id\":\"s-1-greeting\"")
        .contains("\"type\":\"io.zeroscale.example.greeting\"")
        .contains("\"data\":{\"greeting\":\"hello grace\"}");
  }

  /**
   * Where the build made an AOT cache (Temurin 25 present), the local backend started the replica
   * with the JDK and cache named in zeroscale-jvm.properties, not with the spec's plain java.
   */
  @Test
  void theReplicaRunsWithTheAotCacheItsBuildMade() throws Exception {
    Path app = REPOSITORY.resolve("examples/events/target/quarkus-app");
    assumeTrue(
        Files.isRegularFile(app.resolve("zeroscale-jvm.properties")),
        "no AOT cache built here (Temurin 25 missing)");
    Properties descriptor = new Properties();
    try (var in = Files.newBufferedReader(app.resolve("zeroscale-jvm.properties"))) {
      descriptor.load(in);
    }
    HttpResponse<String> woken =
        platform.send(HttpRequest.newBuilder(platform.functionUri("events", "/q/ready")).build());
    assertThat(woken.statusCode()).isEqualTo(200);

    List<Long> pids = platform.pids("events");
    assertThat(pids).isNotEmpty();
    List<String> command =
        List.of(Files.readString(Path.of("/proc", pids.get(0).toString(), "cmdline")).split("\0"));
    assertThat(command)
        .startsWith(descriptor.getProperty("java"))
        .contains("-XX:AOTCache=" + app.resolve("app.aot"))
        .endsWith("-jar", "examples/events/target/quarkus-app/quarkus-run.jar");
  }

  @Test
  void malformedEventIs400SayingWhatIsWrong() throws Exception {
    HttpResponse<String> answer =
        platform.send(
            HttpRequest.newBuilder(platform.functionUri("events", "/"))
                .header("ce-specversion", "1.0")
                .header("ce-source", "/e2e")
                .header("ce-type", GREET)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ada\"}"))
                .build());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("not a valid CloudEvent").contains("id");
  }
}
