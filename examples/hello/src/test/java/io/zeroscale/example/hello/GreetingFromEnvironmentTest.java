package io.zeroscale.example.hello;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GREETING=hi in the environment is the property {@code greeting}; set here the same way. */
@QuarkusTest
@TestProfile(GreetingFromEnvironmentTest.Hi.class)
class GreetingFromEnvironmentTest {

  public static class Hi implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("greeting", "hi");
    }
  }

  @Test
  void usesTheConfiguredGreeting() {
    given().get("/").then().statusCode(200).body(equalTo("hi from zeroscale"));
    given().queryParam("name", "bob").get("/").then().statusCode(200).body(equalTo("hi bob"));
  }
}
