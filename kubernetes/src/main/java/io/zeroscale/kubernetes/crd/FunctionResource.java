package io.zeroscale.kubernetes.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.SchemaSwap;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.FunctionStatus;
import io.zeroscale.api.function.ObjectMeta;
import java.util.Map;

/**
 * The {@code Function} custom resource: the plain spec and status records of {@code api} wrapped in
 * a Fabric8 {@link CustomResource}, so that {@code api} stays free of Fabric8.
 *
 * <p>The CRD is generated from this class at build time. Its schema comes from {@link
 * FunctionSpecSchema} (swapped in for the spec), which carries the constraints of {@link
 * io.zeroscale.api.function.FunctionValidator} that OpenAPI or CEL can express; the validator stays
 * the authority and the controller reports what it finds as {@code SpecValid=False}.
 */
@Group(Function.GROUP)
@Version(Function.VERSION)
@Kind(Function.KIND)
@Plural("functions")
@ShortNames("fn")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.replicas",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "URL",
    jsonPath = ".status.url",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@SchemaSwap(
    originalType = FunctionResource.class,
    fieldName = "spec",
    targetType = FunctionSpecSchema.class)
@ValidationRule(
    value =
        "self.metadata.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')"
            + " && size(self.metadata.name) <= 63",
    message =
        "metadata.name must be at most 63 lower-case letters, digits or '-', starting and ending"
            + " with a letter or digit (it becomes a host name label)")
@ValidationRule(value = "has(self.spec)", message = "spec is required")
public class FunctionResource extends CustomResource<FunctionSpec, FunctionStatus>
    implements Namespaced {

  /** Kept for Jackson and the CRD generator. */
  public FunctionResource() {}

  /** A resource for the given function, its status left out (that is the status subresource's). */
  public static FunctionResource of(Function function) {
    FunctionResource resource = new FunctionResource();
    FunctionKey key = function.key();
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(key.namespace())
            .withName(key.name())
            .withLabels(function.metadata().labels())
            .build());
    resource.setSpec(function.spec());
    return resource;
  }

  /** Where this function lives. */
  public FunctionKey key() {
    return new FunctionKey(getMetadata().getNamespace(), getMetadata().getName());
  }

  /**
   * The function as the rest of zeroscale sees it: metadata as {@code api} knows it, the spec as
   * stored (no defaults filled in) and the status.
   */
  public Function toFunction() {
    Map<String, String> labels = getMetadata().getLabels();
    ObjectMeta meta =
        new ObjectMeta(
            getMetadata().getName(),
            getMetadata().getNamespace(),
            getMetadata().getGeneration(),
            labels == null || labels.isEmpty() ? null : Map.copyOf(labels));
    return new Function(getApiVersion(), getKind(), meta, getSpec(), getStatus());
  }
}
