package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.zeroscale.kubernetes.testing.ApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CrdDriftTest {

  /** The checked-in copy, relative to this module (Surefire runs in the module's directory). */
  private static final Path CHECKED_IN =
      Path.of("../manifests/crd/functions.zeroscale.io-v1alpha1.yml");

  @Test
  void theCheckedInCrdIsTheOneTheBuildGenerates() throws IOException {
    String generated = generated();
    String checkedIn = Files.readString(CHECKED_IN);

    assertThat(checkedIn)
        .as(
            "manifests/crd/functions.zeroscale.io-v1alpha1.yml differs from the CRD the build generates"
                + " from FunctionResource and its *Schema twins. After changing the model, update it with:\n"
                + "  ./mvnw -B -ntp -pl kubernetes install -DskipTests && cp"
                + " kubernetes/target/classes/META-INF/fabric8/functions.zeroscale.io-v1.yml"
                + " manifests/crd/functions.zeroscale.io-v1alpha1.yml\n")
        .isEqualTo(generated);
  }

  @Test
  void theCrdHasTheStatusSubresourceAndPrinterColumns() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(Files.readString(CHECKED_IN), CustomResourceDefinition.class);
    CustomResourceDefinitionVersion v1alpha1 = crd.getSpec().getVersions().get(0);

    assertThat(crd.getMetadata().getName()).isEqualTo("functions.zeroscale.io");
    assertThat(v1alpha1.getName()).isEqualTo("v1alpha1");
    assertThat(v1alpha1.getSubresources().getStatus()).isNotNull();
    assertThat(v1alpha1.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .contains("Ready", "URL", "Age");
    var spec = v1alpha1.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getProperties().get("port").getMinimum()).isEqualTo(1.0);
    assertThat(spec.getProperties().get("port").getMaximum()).isEqualTo(65535.0);
    assertThat(spec.getProperties().get("scaling").getProperties().get("maxScale").getMinimum())
        .isEqualTo(1.0);
    assertThat(spec.getProperties().get("readiness").getProperties().get("path").getPattern())
        .isEqualTo("^/");
    var kafka = spec.getProperties().get("triggers").getProperties().get("kafka");
    assertThat(kafka.getRequired()).containsExactly("bootstrapServers", "topics");
    assertThat(kafka.getProperties().get("lagThreshold").getMinimum()).isEqualTo(1.0);
    assertThat(kafka.getProperties().get("activationLagThreshold").getMinimum()).isEqualTo(0.0);
    assertThat(kafka.getProperties().get("topics").getMinItems()).isEqualTo(1L);
    assertThat(kafka.getProperties().get("topics").getItems().getSchema().getPattern())
        .as("each topic, not the list, carries Kafka's naming rule")
        .isEqualTo(KafkaPatterns.NAME);
    assertThat(kafka.getProperties().get("retry").getProperties().get("maxRetries").getMaximum())
        .isEqualTo(100.0);
    assertThat(kafka.getXKubernetesValidations())
        .extracting(r -> r.getRule())
        .containsExactly("!has(self.deadLetterTopic) || !(self.deadLetterTopic in self.topics)");
  }

  private static String generated() throws IOException {
    try (InputStream in = CrdDriftTest.class.getResourceAsStream(ApiServer.GENERATED_CRD)) {
      assertThat(in).as("the generated CRD on the class path (run the build first)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
