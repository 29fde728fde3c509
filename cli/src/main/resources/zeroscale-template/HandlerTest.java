package {{package}};

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HandlerTest {

  @Test
  void greets() {
    given().get("/").then().statusCode(200).body(equalTo("hello from {{name}}"));
    given().queryParam("name", "ada").get("/").then().statusCode(200).body(equalTo("hello ada"));
  }

  @Test
  void echoes() {
    given().contentType("text/plain").body("ping").post("/").then().statusCode(200).body(equalTo("ping"));
  }

  @Test
  void isReady() {
    given().get("/q/ready").then().statusCode(200);
  }
}
