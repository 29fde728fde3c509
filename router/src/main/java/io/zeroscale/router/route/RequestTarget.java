package io.zeroscale.router.route;

import io.zeroscale.api.function.FunctionKey;

/**
 * Which function a request addresses and the URI to forward, read from its path ({@code
 * /fn/{namespace}/{name}/rest?query}, prefix stripped) or else its Host header ({@code
 * {name}.{namespace}.{domain}}, port ignored, URI kept). {@code key} is null when neither matches;
 * {@code problem} is set when the path is malformed.
 */
public record RequestTarget(FunctionKey key, String uri, String problem) {

  static final String PREFIX = "/fn/";

  public static RequestTarget of(String uri, String host, String domain) {
    if (uri.startsWith(PREFIX)) {
      return fromPath(uri);
    }
    return new RequestTarget(fromHost(host, domain), uri, null);
  }

  private static RequestTarget fromPath(String uri) {
    int nsEnd = uri.indexOf('/', PREFIX.length());
    int nameEnd = nsEnd < 0 ? -1 : endOfSegment(uri, nsEnd + 1);
    if (nsEnd <= PREFIX.length() || nameEnd <= nsEnd + 1) {
      return new RequestTarget(
          null, uri, "path must look like /fn/{namespace}/{name}/..., got " + pathOf(uri));
    }
    FunctionKey key =
        new FunctionKey(uri.substring(PREFIX.length(), nsEnd), uri.substring(nsEnd + 1, nameEnd));
    String rest = uri.substring(nameEnd);
    if (rest.isEmpty() || rest.charAt(0) == '?') {
      rest = "/" + rest;
    }
    return new RequestTarget(key, rest, null);
  }

  private static int endOfSegment(String uri, int from) {
    for (int i = from; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '/' || c == '?') {
        return i;
      }
    }
    return uri.length();
  }

  private static String pathOf(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  private static FunctionKey fromHost(String host, String domain) {
    if (host == null) {
      return null;
    }
    int colon = host.lastIndexOf(':');
    String name = colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    int suffix = name.length() - domain.length() - 1;
    if (suffix <= 0
        || name.charAt(suffix) != '.'
        || !name.regionMatches(true, suffix + 1, domain, 0, domain.length())) {
      return null;
    }
    // Namespaces are DNS labels (no dots), names may hold dots: split at the last one.
    String prefix = name.substring(0, suffix);
    int dot = prefix.lastIndexOf('.');
    if (dot <= 0 || dot == prefix.length() - 1) {
      return null;
    }
    return new FunctionKey(prefix.substring(dot + 1), prefix.substring(0, dot));
  }
}
