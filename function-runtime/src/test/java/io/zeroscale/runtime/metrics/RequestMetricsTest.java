package io.zeroscale.runtime.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * With a Micrometer registry on the classpath (test scope here) the replica exports its requests.
 */
@QuarkusTest
class RequestMetricsTest {

  @Test
  void countsAnswersByStatusClassWithThePlatformsNames() {
    String before = metrics();
    for (int i = 0; i < 3; i++) {
      given().get("/hold/now").then().statusCode(200);
    }
    given().get("/no-such-path").then().statusCode(404);

    String after = metrics();
    assertThat(count(after, "zeroscale_function_requests_total", "2xx"))
        .isEqualTo(count(before, "zeroscale_function_requests_total", "2xx") + 3);
    assertThat(count(after, "zeroscale_function_requests_total", "4xx"))
        .isEqualTo(count(before, "zeroscale_function_requests_total", "4xx") + 1);
    assertThat(after)
        .contains("zeroscale_function_request_duration_seconds_bucket{")
        .contains("le=\"0.001\"")
        .contains("zeroscale_function_requests_in_flight{")
        .contains("namespace=\"default\"");
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of the series with that name and code, 0 when absent. */
  private static double count(String text, String name, String code) {
    return text.lines()
        .filter(l -> l.startsWith(name + "{") && l.contains("code=\"" + code + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
