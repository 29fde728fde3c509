package io.zeroscale.platform.controller;

import io.zeroscale.api.function.FunctionKey;

/**
 * Where users call a function: by path on the router ({@code /fn/namespace/name/}) or by host
 * ({@code name.namespace.domain}).
 *
 * @param routerBase the router's base URL as users reach it, e.g. {@code http://localhost:8080}
 * @param domain the domain of host-based routes
 * @param routerPort the router's port, added to host-based URLs
 */
public record FunctionUrls(String routerBase, String domain, int routerPort) {

  public String pathUrl(FunctionKey key) {
    return routerBase + "/fn/" + key.namespace() + "/" + key.name() + "/";
  }

  public String hostUrl(FunctionKey key) {
    return "http://" + key.name() + "." + key.namespace() + "." + domain + ":" + routerPort + "/";
  }
}
