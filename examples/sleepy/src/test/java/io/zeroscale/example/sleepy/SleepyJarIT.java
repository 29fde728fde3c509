package io.zeroscale.example.sleepy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in its own process; with the {@code function-aot} profile, the training run of
 * its AOT cache.
 */
@QuarkusIntegrationTest
class SleepyJarIT {

  @Test
  void sleepsAndAnswers() {
    given()
        .queryParam("sleepMs", 1)
        .queryParam("cpuMs", 1)
        .get("/")
        .then()
        .statusCode(200)
        .body("replica", notNullValue());
    given().get("/q/ready").then().statusCode(200);
  }
}
