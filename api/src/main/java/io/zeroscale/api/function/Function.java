package io.zeroscale.api.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A function: any process or image that serves HTTP on a port, scaled between zero and N.
 *
 * <p>Shaped like a Kubernetes object so that the same YAML works with {@code zeroscale deploy -f}
 * and with {@code kubectl apply -f}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Function(
    String apiVersion, String kind, ObjectMeta metadata, FunctionSpec spec, FunctionStatus status) {

  public static final String GROUP = "zeroscale.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Function";

  public static Function of(ObjectMeta metadata, FunctionSpec spec) {
    return new Function(API_VERSION, KIND, metadata, spec, null);
  }

  @JsonIgnore
  public FunctionKey key() {
    String namespace =
        metadata.namespace() == null ? FunctionKey.DEFAULT_NAMESPACE : metadata.namespace();
    return new FunctionKey(namespace, metadata.name());
  }

  /** A copy with defaults filled in (namespace, spec fields). Call on a validated function. */
  public Function withDefaults() {
    ObjectMeta meta =
        metadata.namespace() == null
            ? metadata.withNamespace(FunctionKey.DEFAULT_NAMESPACE)
            : metadata;
    Function named =
        new Function(
            apiVersion == null ? API_VERSION : apiVersion,
            kind == null ? KIND : kind,
            meta,
            spec,
            status);
    return new Function(
        named.apiVersion,
        named.kind,
        meta,
        spec.withDefaults().withTriggerDefaults(named.key()),
        status);
  }

  public Function withStatus(FunctionStatus value) {
    return new Function(apiVersion, kind, metadata, spec, value);
  }

  public Function withMetadata(ObjectMeta value) {
    return new Function(apiVersion, kind, value, spec, status);
  }
}
