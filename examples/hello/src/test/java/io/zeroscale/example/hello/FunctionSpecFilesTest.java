package io.zeroscale.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples' function.yaml files must stay readable and valid as the model changes; a drift
 * breaks this build instead of the quick start. Runs in the module directory (see the pom).
 */
class FunctionSpecFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"hello", "sleepy", "events"})
  void exampleSpecIsValidAndRunsItsOwnJar(String name) throws Exception {
    Path file = Path.of("..", name, "function.yaml");

    Function function = FunctionCodec.read(Files.readString(file));

    assertThat(FunctionValidator.validate(function)).as("problems in %s", file).isEmpty();
    assertThat(function.key()).isEqualTo(FunctionKey.of("default", name));
    assertThat(function.spec().command())
        .isEqualTo(
            List.of("java", "-jar", "examples/" + name + "/target/quarkus-app/quarkus-run.jar"));
    assertThat(function.spec().scalingOrDefaults().minScale()).isZero();
    assertThat(function.spec().readiness().path()).isEqualTo("/q/ready");
  }
}
