package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.zeroscale.api.function.KafkaTriggerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleManifestTest {

  @ParameterizedTest
  @ValueSource(strings = {"sample-function.yaml", "sample-kafka-function.yaml"})
  void theSampleReadsAsTheCustomResourceAndCanRunOnKubernetes(String file) throws IOException {
    FunctionResource sample = read(file);

    assertThat(sample.getKind()).isEqualTo("Function");
    assertThat(KubernetesFunctionRules.check(sample.toFunction())).isEmpty();
  }

  @Test
  void theKafkaSampleCarriesItsTrigger() throws IOException {
    KafkaTriggerSpec kafka = read("sample-kafka-function.yaml").getSpec().kafkaTrigger();

    assertThat(kafka.topics()).isEqualTo(List.of("orders"));
    assertThat(kafka.lagThreshold()).isEqualTo(50);
    assertThat(kafka.retry().backoff()).isEqualTo("500ms");
  }

  private static FunctionResource read(String file) throws IOException {
    String yaml = Files.readString(Path.of("../manifests", file));
    return new KubernetesSerialization().unmarshal(yaml, FunctionResource.class);
  }
}
