package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 4xx (or a 503 for a full queue) that says what to fix, and the platform keeps
 * serving another function throughout.
 */
@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
class BadInputTest {

  private final PlatformClient platform = new PlatformClient();

  @BeforeEach
  void deployAHealthyNeighbour() {
    platform.deploy("neighbour", "{minScale: 1, maxScale: 1}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("neighbour") == 1);
  }

  @AfterEach
  void neighbourStillServesAndIsRemoved() throws Exception {
    HttpResponse<String> r =
        platform.send(HttpRequest.newBuilder(platform.functionUri("neighbour", "/ok")).build());
    assertThat(r.statusCode()).as("the neighbour still answers").isEqualTo(200);
    platform.delete("neighbour");
    platform.delete("never-ready");
  }

  @Test
  void anInvalidSpecListsEveryProblemWithItsField() {
    given()
        .contentType("application/yaml")
        .body(
            """
            metadata: {name: Bad_Name}
            spec:
              port: 0
              timeout: soon
              scaling: {minScale: 3, maxScale: 1}
            """)
        .post("/api/v1/functions")
        .then()
        .statusCode(400)
        .body("error", containsString("5 problem(s)"))
        .body(
            "problems.field",
            hasItems(
                "metadata.name", "spec", "spec.port", "spec.timeout", "spec.scaling.maxScale"));
  }

  @Test
  void aTypoInAFieldNameIsNamedNotIgnored() {
    given()
        .contentType("application/yaml")
        .body("metadata: {name: typo}\nspec:\n  command: [x]\n  scaling: {maxscale: 3}\n")
        .put("/api/v1/functions/default/typo")
        .then()
        .statusCode(400)
        .body("problems[0].field", org.hamcrest.Matchers.is("spec.scaling.maxscale"))
        .body("problems[0].message", containsString("maxScale"));
  }

  @Test
  void anUnknownFunctionIs404WithAJsonError() throws Exception {
    HttpResponse<String> r =
        platform.send(HttpRequest.newBuilder(platform.functionUri("nope", "/")).build());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(r.body()).contains("\"error\"").contains("default/nope");
    given()
        .get("/api/v1/functions/default/nope")
        .then()
        .statusCode(404)
        .body("error", containsString("not found"));
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    HttpResponse<String> r =
        platform.send(
            HttpRequest.newBuilder(platform.functionUri("neighbour", "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000)))
                .build());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("\"error\"");
  }

  @Test
  void aFullQueueIs503WithRetryAfterAndWaitersTimeOutWith503() throws Exception {
    // A function whose replica never answers: requests can only wait in the activator.
    given()
        .contentType("application/yaml")
        .body(
            """
            metadata: {name: never-ready}
            spec:
              command: [sleep, "600"]
              scaling: {maxScale: 1}
            """)
        .put("/api/v1/functions/default/never-ready")
        .then()
        .statusCode(201);
    URI uri = platform.functionUri("never-ready", "/");
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(platform.post(uri, "r" + i));
    }
    List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(503));
    assertThat(answers)
        .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
    assertThat(answers.stream().filter(r -> r.body().contains("queue capacity 5")).count())
        .as("requests beyond the queue capacity of 5 are refused at once")
        .isEqualTo(3);
    assertThat(answers.stream().filter(r -> r.body().contains("did not become ready")).count())
        .as("queued requests time out with a message about readiness")
        .isEqualTo(5);
  }
}
