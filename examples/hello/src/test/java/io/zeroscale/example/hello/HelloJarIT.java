package io.zeroscale.example.hello;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as its own process. With the {@code function-aot} profile (on where Temurin
 * 25 is installed) this run is also the training run of the JDK's AOT cache ({@code
 * target/quarkus-app/app.aot}), so it calls what a first request calls.
 */
@QuarkusIntegrationTest
class HelloJarIT {

  @Test
  void greetsAndEchoes() {
    given().get("/").then().statusCode(200).body(equalTo("hello from zeroscale"));
    given()
        .contentType("text/plain")
        .body("ping")
        .post("/")
        .then()
        .statusCode(200)
        .body(equalTo("ping"));
  }
}
