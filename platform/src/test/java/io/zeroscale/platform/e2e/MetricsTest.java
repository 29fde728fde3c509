package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** After a cold start and a few calls, /q/metrics shows the per-function metrics. */
@QuarkusTest
class MetricsTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("metered");
  }

  @Test
  void perFunctionMetricsAreExposedForPrometheus() throws Exception {
    platform.deploy("metered", "{minScale: 0, maxScale: 1}");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          platform.send(HttpRequest.newBuilder(platform.functionUri("metered", "/m")).build());
      assertThat(r.statusCode()).isEqualTo(200);
    }
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    String fn = "function=\"metered\"";
    assertThat(metrics.lines().filter(l -> l.contains(fn)))
        .anyMatch(l -> l.startsWith("zeroscale_requests_total{"))
        .anyMatch(l -> l.startsWith("zeroscale_request_duration_seconds_bucket{"))
        .anyMatch(l -> l.startsWith("zeroscale_requests_in_flight{"))
        .anyMatch(l -> l.startsWith("zeroscale_replicas_ready{"))
        .anyMatch(l -> l.startsWith("zeroscale_cold_starts_total{"))
        .anyMatch(l -> l.startsWith("zeroscale_cold_start_duration_seconds_bucket{"));
  }
}
