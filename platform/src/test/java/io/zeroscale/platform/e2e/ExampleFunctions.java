package io.zeroscale.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionCodec;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The examples' own {@code function.yaml} files, made deployable from a test. */
final class ExampleFunctions {

  /** The repository root (tests run in {@code platform/}). */
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private ExampleFunctions() {}

  /**
   * Reads {@code examples/NAME/function.yaml}, checks that it is valid, and sets its working
   * directory to the repository root: its command is relative to it, where {@code zeroscale up}
   * runs.
   */
  static Function deployable(String example) throws IOException {
    Function function =
        FunctionCodec.read(
            Files.readString(REPOSITORY.resolve("examples/" + example + "/function.yaml")));
    assertThat(FunctionValidator.validate(function)).isEmpty();
    FunctionSpec spec = function.spec();
    return Function.of(
        function.metadata(),
        new FunctionSpec(
            spec.image(),
            spec.command(),
            REPOSITORY.toString(),
            spec.port(),
            spec.env(),
            spec.timeout(),
            spec.readiness(),
            spec.scaling(),
            spec.triggers()));
  }
}
