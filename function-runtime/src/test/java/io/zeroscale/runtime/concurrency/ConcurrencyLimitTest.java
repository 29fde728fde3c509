package io.zeroscale.runtime.concurrency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs with zeroscale.container-concurrency=1 (src/test/resources/application.properties). */
@QuarkusTest
class ConcurrencyLimitTest {

  @Inject ConcurrencyLimit limit;

  @BeforeEach
  void reset() {
    HoldResource.reset();
  }

  @Test
  void requestOverTheLimitGets503WithRetryAfterAndLaterOnesPass() throws Exception {
    CompletableFuture<String> held =
        CompletableFuture.supplyAsync(
            () -> given().get("/hold").then().statusCode(200).extract().asString());
    assertThat(HoldResource.entered.await(10, TimeUnit.SECONDS)).isTrue();

    given()
        .get("/hold/now")
        .then()
        .statusCode(503)
        .header("Retry-After", "1")
        .body(containsString("limit of 1 concurrent requests"));

    HoldResource.release.countDown();
    assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("released");
    // The held request's slot is free again once its response is written.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> limit.inFlight() == 0);
    given().get("/hold/now").then().statusCode(200).body(containsString("ok"));
  }

  @Test
  void sequentialRequestsNeverHitTheLimit() {
    for (int i = 0; i < 20; i++) {
      given().get("/hold/now").then().statusCode(200);
    }
  }

  @Test
  void conventionsComeFromTheRuntimeDefaults() {
    var config = ConfigProvider.getConfig();
    assertThat(config.getValue("quarkus.banner.enabled", Boolean.class)).isFalse();
    assertThat(config.getValue("quarkus.shutdown.timeout", String.class)).isEqualTo("30s");
  }
}
