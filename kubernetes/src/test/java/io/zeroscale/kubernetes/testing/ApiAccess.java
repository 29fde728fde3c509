package io.zeroscale.kubernetes.testing;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns recorded requests ({@code METHOD path?query}) into what RBAC grants: {@code
 * resource[.group][/subresource]:verb}, e.g. {@code deployments.apps/scale:update}.
 */
public final class ApiAccess {

  private static final Pattern PATH =
      Pattern.compile(
          "/(?:api/v1|apis/(?<group>[^/]+)/[^/]+)(?:/namespaces/(?<namespace>[^/]+))?/(?<resource>[^/?]+)"
              + "(?:/(?<name>[^/?]+)(?:/(?<sub>[^/?]+))?)?(?<query>\\?.*)?");

  private ApiAccess() {}

  /** The permissions the requests used, sorted. */
  public static Set<String> of(Collection<String> requests) {
    Set<String> used = new TreeSet<>();
    for (String request : requests) {
      used.add(permission(request));
    }
    return used;
  }

  static String permission(String request) {
    Call call = call(request);
    return call.resource()
        + (call.group().isEmpty() ? "" : "." + call.group())
        + (call.subresource() == null ? "" : "/" + call.subresource())
        + ":"
        + call.verb();
  }

  /**
   * One recorded request ({@code METHOD path?query}) as RBAC sees it.
   *
   * @throws IllegalArgumentException when it is not a request for a resource
   */
  public static Call call(String request) {
    String method = request.substring(0, request.indexOf(' '));
    String path = request.substring(request.indexOf(' ') + 1);
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a resource request: " + request);
    }
    boolean named = m.group("name") != null;
    boolean watch = m.group("query") != null && m.group("query").contains("watch=true");
    String verb =
        switch (method) {
          case "GET" -> watch ? "watch" : named ? "get" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> throw new IllegalArgumentException("unexpected method: " + request);
        };
    return new Call(
        m.group("namespace"),
        m.group("group") == null ? "" : m.group("group"),
        m.group("resource"),
        m.group("sub"),
        m.group("name"),
        verb);
  }

  /**
   * A request's RBAC attributes: {@code namespace} null for a cluster-wide request, {@code group}
   * empty for the core group, {@code subresource} and {@code name} null when the path has none.
   */
  public record Call(
      String namespace,
      String group,
      String resource,
      String subresource,
      String name,
      String verb) {}

  /**
   * What RBAC rules grant, in the same {@code resource[.group][/subresource]:verb} form, so a role
   * can be compared with recorded requests (resource names are not told apart).
   */
  public static Set<String> granted(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          String[] parts = resource.split("/", 2);
          String name =
              parts[0]
                  + (group.isEmpty() ? "" : "." + group)
                  + (parts.length > 1 ? "/" + parts[1] : "");
          rule.getVerbs().forEach(verb -> out.add(name + ":" + verb));
        }
      }
    }
    return out;
  }
}
