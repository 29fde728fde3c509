package io.zeroscale.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.KafkaTriggerSpec;
import io.zeroscale.api.function.ReadinessSpec;
import io.zeroscale.api.function.ScalingSpec;
import io.zeroscale.api.function.TriggersSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CRD's schema comes from the {@code *Schema} twins, not from the {@code api} records: a field
 * added to a record must be added to its twin, or the API server would prune it.
 */
class SchemaTwinTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "FunctionSpec, FunctionSpecSchema",
    "ScalingSpec, ScalingSpecSchema",
    "ReadinessSpec, ReadinessSpecSchema",
    "TriggersSpec, TriggersSpecSchema",
    "KafkaTriggerSpec, KafkaTriggerSpecSchema",
    "KafkaTriggerSpec$RetrySpec, RetrySpecSchema",
  })
  void everyFieldOfTheRecordHasItsTwin(String recordName, String twinName) throws Exception {
    Class<?> record = Class.forName("io.zeroscale.api.function." + recordName);
    Class<?> twin = Class.forName("io.zeroscale.kubernetes.crd." + twinName);

    Set<String> recordFields =
        Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> twinFields =
        Arrays.stream(twin.getFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(twinFields)
        .as(
            "fields of %s (kubernetes/src/main/java/io/zeroscale/kubernetes/crd) against %s (api):"
                + " add each new api field to the twin with the validator's constraints, then update"
                + " manifests/crd (see CrdDriftTest)",
            twinName, recordName)
        .isEqualTo(recordFields);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource({
    "FunctionSpecSchema, readiness, ReadinessSpecSchema",
    "FunctionSpecSchema, scaling, ScalingSpecSchema",
    "FunctionSpecSchema, triggers, TriggersSpecSchema",
    "TriggersSpecSchema, kafka, KafkaTriggerSpecSchema",
    "KafkaTriggerSpecSchema, retry, RetrySpecSchema",
  })
  void nestedFieldsUseTheirTwins(String twinName, String field, String nestedTwin)
      throws Exception {
    Class<?> twin = Class.forName("io.zeroscale.kubernetes.crd." + twinName);

    assertThat(twin.getField(field).getType().getSimpleName()).isEqualTo(nestedTwin);
  }

  @SuppressWarnings("unused")
  private static final Class<?>[] KEEP = {
    FunctionSpec.class,
    ScalingSpec.class,
    ReadinessSpec.class,
    TriggersSpec.class,
    KafkaTriggerSpec.class,
    KafkaTriggerSpec.RetrySpec.class
  };
}
