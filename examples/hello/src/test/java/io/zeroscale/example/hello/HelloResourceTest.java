package io.zeroscale.example.hello;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HelloResourceTest {

  @Test
  void greetsOnGet() {
    given().get("/").then().statusCode(200).body(equalTo("hello from zeroscale"));
  }

  @Test
  void greetsByName() {
    given()
        .queryParam("name", "alice")
        .get("/")
        .then()
        .statusCode(200)
        .body(equalTo("hello alice"));
  }

  @Test
  void echoesTheBodyWithItsContentType() {
    given()
        .contentType("application/json")
        .body("{\"n\":42}")
        .post("/")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body(equalTo("{\"n\":42}"));
  }

  @Test
  void echoesBinaryBodies() {
    byte[] body = {0, 1, 2, (byte) 0xff};
    byte[] back =
        given()
            .contentType("application/octet-stream")
            .body(body)
            .post("/")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(back).containsExactly(body);
  }

  @Test
  void runtimeConventionsComeFromTheFunctionRuntimeJar() {
    var value = ConfigProvider.getConfig().getConfigValue("quarkus.shutdown.timeout");
    assertThat(value.getValue()).isEqualTo("30s");
    assertThat(value.getSourceName()).contains("function-runtime");
  }
}
