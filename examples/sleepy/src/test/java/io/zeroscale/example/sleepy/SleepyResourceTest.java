package io.zeroscale.example.sleepy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs with a single event loop, so a sleep that blocked it would hold every other request up: that
 * is how the tests show sleeping happens off the event loop.
 */
@QuarkusTest
@TestProfile(SleepyResourceTest.OneEventLoop.class)
class SleepyResourceTest {

  public static class OneEventLoop implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.vertx.event-loops-pool-size", "1",
          "sleep-ms", "0",
          "cpu-ms", "0",
          "zeroscale.replica", "r-test-1");
    }
  }

  @Test
  void answersWhatItDidAsJson() {
    given()
        .queryParam("sleepMs", 20)
        .queryParam("cpuMs", 5)
        .get("/")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("sleptMs", greaterThanOrEqualTo(20))
        .body("cpuMs", greaterThanOrEqualTo(5))
        .body("replica", equalTo("r-test-1"));
  }

  @Test
  void usesConfiguredDefaultsWithoutParameters() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body("sleptMs", greaterThanOrEqualTo(0))
        .body("cpuMs", equalTo(0));
  }

  @Test
  void aSleepingRequestDoesNotHoldUpOthers() throws Exception {
    CompletableFuture<Integer> sleeper =
        CompletableFuture.supplyAsync(
            () ->
                given().queryParam("sleepMs", 5_000).queryParam("cpuMs", 0).get("/").statusCode());
    try {
      // Give the sleeper a head start onto the server: several quick requests in a row all answer
      // while it sleeps.
      for (int i = 0; i < 5; i++) {
        given().queryParam("sleepMs", 0).queryParam("cpuMs", 0).get("/").then().statusCode(200);
      }
      assertThat(sleeper).as("the 5 s sleeper is still sleeping").isNotDone();
    } finally {
      assertThat(sleeper.get(30, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }

  @Test
  void rejectsOutOfRangeParametersWithAMessage() {
    given().queryParam("sleepMs", -1).get("/").then().statusCode(400);
    given().queryParam("cpuMs", 999_999).get("/").then().statusCode(400);
  }
}
