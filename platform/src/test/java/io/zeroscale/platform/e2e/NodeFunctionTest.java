package io.zeroscale.platform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Not only Java: the Node.js example, deployed from its own function.yaml, wakes from zero. */
@QuarkusTest
class NodeFunctionTest {

  private final PlatformClient platform = new PlatformClient();

  @AfterEach
  void cleanUp() {
    platform.delete("node-hello");
  }

  @Test
  void theNodeExampleWakesFromZeroAndEchoes() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/node"))
            || Files.isExecutable(Path.of("/usr/local/bin/node")),
        "node is not installed");
    Function deployable = ExampleFunctions.deployable("node-hello");
    given()
        .contentType("application/yaml")
        .body(FunctionCodec.toYaml(deployable))
        .put("/api/v1/functions/default/node-hello")
        .then()
        .statusCode(201);
    assertThat(platform.desired("node-hello")).isZero();

    HttpResponse<String> greeting =
        platform.send(HttpRequest.newBuilder(platform.functionUri("node-hello", "/")).build());
    HttpResponse<String> echo = platform.post(platform.functionUri("node-hello", "/"), "hi").join();

    assertThat(greeting.statusCode()).isEqualTo(200);
    assertThat(greeting.body()).startsWith("hello from node on zeroscale (node-hello-");
    assertThat(echo.statusCode()).isEqualTo(200);
    assertThat(echo.body()).isEqualTo("hi");
  }
}
