package io.zeroscale.api.function;

import java.util.Objects;

/** Identifies a function: its namespace and name. Printed as {@code namespace/name}. */
public record FunctionKey(String namespace, String name) implements Comparable<FunctionKey> {

  public static final String DEFAULT_NAMESPACE = "default";

  public FunctionKey {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static FunctionKey of(String namespace, String name) {
    return new FunctionKey(namespace, name);
  }

  /** Parses {@code name} (default namespace) or {@code namespace/name}. */
  public static FunctionKey parse(String text) {
    int slash = text.indexOf('/');
    return slash < 0
        ? new FunctionKey(DEFAULT_NAMESPACE, text)
        : new FunctionKey(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public int compareTo(FunctionKey other) {
    int byNamespace = namespace.compareTo(other.namespace);
    return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
