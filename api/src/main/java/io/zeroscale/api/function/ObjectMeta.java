package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The part of Kubernetes' object metadata a function uses. {@code generation} is bumped by the
 * catalog on every spec change, so status can say which spec it describes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
    String name, String namespace, Long generation, Map<String, String> labels) {

  public static ObjectMeta of(String namespace, String name) {
    return new ObjectMeta(name, namespace, null, null);
  }

  public ObjectMeta withGeneration(long value) {
    return new ObjectMeta(name, namespace, value, labels);
  }

  public ObjectMeta withNamespace(String value) {
    return new ObjectMeta(name, value, generation, labels);
  }
}
