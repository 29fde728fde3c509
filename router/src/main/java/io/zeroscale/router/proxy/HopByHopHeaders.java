package io.zeroscale.router.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies headers between hops without the hop-by-hop ones (RFC 9110 7.6.1) and those named in
 * {@code Connection}. {@code Host} is left out too: the client sets the replica's; the original
 * travels in {@code X-Forwarded-Host}. {@code Expect} is left out because the router answers {@code
 * 100-continue} itself, once a replica is connected.
 */
public final class HopByHopHeaders {

  private static final Set<String> DROPPED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "expect",
          "host");

  private HopByHopHeaders() {}

  /** True when the client waits for {@code 100 Continue} before it sends the body. */
  public static boolean expectsContinue(MultiMap headers) {
    String expect = headers.get("expect");
    return expect != null && expect.trim().equalsIgnoreCase("100-continue");
  }

  static void copy(MultiMap from, MultiMap to) {
    String connection = from.get("connection");
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (DROPPED.contains(name) || namedIn(connection, name)) {
        continue;
      }
      to.add(header.getKey(), header.getValue());
    }
  }

  private static boolean namedIn(String connection, String name) {
    if (connection == null) {
      return false;
    }
    for (String token : connection.split(",")) {
      if (token.trim().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean isChunked(MultiMap headers) {
    String te = headers.get("transfer-encoding");
    return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
  }
}
