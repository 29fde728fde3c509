package io.zeroscale.example.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The CloudEvents HTTP binding as a caller sees it: both content modes, answers, and errors. */
@QuarkusTest
class GreeterTest {

  @Test
  void binaryModeEventGetsABinaryModeAnswer() {
    given()
        .header("ce-specversion", "1.0")
        .header("ce-id", "e1")
        .header("ce-source", "/test")
        .header("ce-type", Greeter.GREET)
        .contentType("application/json")
        .body("{\"name\":\"ada\"}")
        .post("/")
        .then()
        .statusCode(200)
        .header("ce-id", "e1-greeting")
        .header("ce-type", Greeter.GREETING)
        .header("ce-subject", "ada")
        .contentType(startsWith("application/json"))
        .body("greeting", equalTo("hello ada"));
  }

  @Test
  void structuredModeEventGetsAStructuredModeAnswer() {
    given()
        .contentType("application/cloudevents+json")
        .body(
            """
            {"specversion":"1.0","id":"e2","source":"/test","type":"%s",
             "datacontenttype":"application/json","data":{"name":"grace"}}
            """
                .formatted(Greeter.GREET))
        .post("/")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/cloudevents+json"))
        .body("id", equalTo("e2-greeting"))
        .body("type", equalTo(Greeter.GREETING))
        .body("data.greeting", equalTo("hello grace"));
  }

  @Test
  void anEventWithoutAnAnswerIsAccepted() {
    given()
        .header("ce-specversion", "1.0")
        .header("ce-id", "e3")
        .header("ce-source", "/test")
        .header("ce-type", "io.zeroscale.example.other")
        .post("/")
        .then()
        .statusCode(202);
  }

  @Test
  void aRequestThatIsNoCloudEventIs400SayingWhy() {
    given()
        .contentType("application/json")
        .body("{\"name\":\"ada\"}")
        .post("/")
        .then()
        .statusCode(400)
        .body("error", startsWith("not a valid CloudEvent"))
        .body("hint", containsString("ce-specversion"));
  }

  @Test
  void aGetIs405SayingHowToSendAnEvent() {
    given()
        .get("/")
        .then()
        .statusCode(405)
        .header("Allow", "POST")
        .body("error", containsString("POST, not GET"))
        .body("hint", containsString("ce-specversion"));
  }

  @Test
  void aBinaryEventMissingARequiredAttributeIs400NamingIt() {
    given()
        .header("ce-specversion", "1.0")
        .header("ce-source", "/test")
        .header("ce-type", Greeter.GREET)
        .contentType("application/json")
        .body("{\"name\":\"ada\"}")
        .post("/")
        .then()
        .statusCode(400)
        .body("error", containsString("id"));
  }

  @Test
  void aStructuredEventThatIsNotJsonIs400() {
    given()
        .contentType("application/cloudevents+json")
        .body("{\"specversion\":\"1.0\",")
        .post("/")
        .then()
        .statusCode(400)
        .body("error", startsWith("not a valid CloudEvent"));
  }

  @Test
  void anEventTheFunctionCannotTakeIs400WithItsReason() {
    given()
        .header("ce-specversion", "1.0")
        .header("ce-id", "e4")
        .header("ce-source", "/test")
        .header("ce-type", Greeter.GREET)
        .contentType("application/json")
        .body("{\"nom\":\"ada\"}")
        .post("/")
        .then()
        .statusCode(400)
        .body("error", containsString("non-empty name"));
  }

  @Test
  void readinessSaysReady() {
    given().get("/q/ready").then().statusCode(200).body(equalTo("ready\n"));
  }
}
