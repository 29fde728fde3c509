package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control API's life cycle of a function: create, read, list, replace, logs, delete. */
@QuarkusTest
class ControlApiTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("crud");
  }

  @Test
  void createReadReplaceAndDeleteAFunction() {
    given()
        .contentType("application/yaml")
        .body(PlatformClient.echoSpec("crud", "{minScale: 0}"))
        .post("/api/v1/functions")
        .then()
        .statusCode(201)
        .body("metadata.generation", is(1))
        .body("spec.scaling.maxScale", is(10))
        .body("spec.timeout", is("20s"));
    given()
        .contentType("application/yaml")
        .body(PlatformClient.echoSpec("crud", "{minScale: 0}"))
        .post("/api/v1/functions")
        .then()
        .statusCode(409)
        .body("hint", containsString("PUT"));

    given().get("/api/v1/functions").then().statusCode(200).body("metadata.name", hasItem("crud"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/functions/default/crud")
                    .then()
                    .body("status.url", containsString("/fn/default/crud/"))
                    .body(
                        "status.conditions.find { it.type == 'ScaledToZero' }.status", is("True")));

    given()
        .contentType("application/yaml")
        .body(PlatformClient.echoSpec("crud", "{minScale: 1}"))
        .put("/api/v1/functions/default/crud")
        .then()
        .statusCode(200)
        .body("metadata.generation", is(2));
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("crud") == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/api/v1/functions/default/crud/logs?tail=10")
                    .then()
                    .statusCode(200)
                    .body(containsString("echo function listening")));

    given()
        .get("/api/v1/functions/default/crud/logs?tail=lots")
        .then()
        .statusCode(400)
        .body("error", containsString("tail must be a number"));

    given().delete("/api/v1/functions/default/crud").then().statusCode(204);
    given().get("/api/v1/functions/default/crud").then().statusCode(404);
    given().delete("/api/v1/functions/default/crud").then().statusCode(404);
  }

  @Test
  void deletingAFunctionLetsItsRequestsInFlightFinish() throws Exception {
    platform.deploy("crud", "{minScale: 1}");
    await().atMost(Duration.ofSeconds(30)).until(() -> platform.ready("crud") == 1);
    var slow = platform.post(platform.functionUri("crud", "/slow?sleepMs=1500"), "last words");
    Thread.sleep(300); // the request is on the replica now
    given().delete("/api/v1/functions/default/crud").then().statusCode(204);

    var answer = slow.get(30, TimeUnit.SECONDS);
    assertThat(answer.statusCode())
        .as("the in-flight request finishes before its replica stops: %s", answer.body())
        .isEqualTo(200);
    assertThat(answer.body()).isEqualTo("POST /slow last words");
  }

  @Test
  void unknownControlPathsAndMethodsAnswerJson() {
    given()
        .get("/api/v1/nothing")
        .then()
        .statusCode(404)
        .body("hint", containsString("/api/v1/functions"));
    given()
        .patch("/api/v1/functions")
        .then()
        .statusCode(405)
        .body("error", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void aNameInTheBodyMustMatchTheUrl() {
    given()
        .contentType("application/yaml")
        .body(PlatformClient.echoSpec("other", "{}"))
        .put("/api/v1/functions/default/crud")
        .then()
        .statusCode(400)
        .body("problems[0].field", is("metadata.name"));
  }
}
