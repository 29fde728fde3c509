package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.api.function.FunctionValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleManifestTest {

  @Test
  void theSampleFunctionReadsAsTheCustomResourceAndIsValid() throws IOException {
    String yaml = Files.readString(Path.of("../manifests/sample-function.yaml"));

    FunctionResource sample = new KubernetesSerialization().unmarshal(yaml, FunctionResource.class);

    assertThat(sample.getKind()).isEqualTo("Function");
    assertThat(sample.getSpec().image()).isNotBlank();
    assertThat(FunctionValidator.validate(sample.toFunction())).isEmpty();
  }
}
