package io.zeroscale.runtime.drain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Readiness and refusal around a drain, in-process (its own application instance, as draining is
 * one-way). The SIGTERM path with a real process and requests in flight is platform's
 * FunctionDrainTest.
 */
@QuarkusTest
@TestProfile(DrainTest.OwnApp.class)
class DrainTest {

  public static class OwnApp implements QuarkusTestProfile {}

  @Inject Drain drain;

  @Test
  void readyUntilDrainingThenEverythingNewIs503() {
    given().get("/q/ready").then().statusCode(200).body(equalTo("ready\n"));
    given().get("/hold/now").then().statusCode(200);

    drain.startDraining();

    given().get("/q/ready").then().statusCode(503).body(equalTo("draining\n"));
    given()
        .get("/hold/now")
        .then()
        .statusCode(503)
        .header("Retry-After", "1")
        .header("Connection", "close")
        .body(containsString("shutting down"));
  }
}
