package io.zeroscale.loadtest.generator;

/**
 * Where requests go: {@code GET http://host:port/pathAndQuery}.
 *
 * @param name shown in tables and plots ({@code direct}, {@code zeroscale}, {@code nginx}...)
 */
public record LoadTarget(String name, String host, int port, String pathAndQuery) {

  public String url() {
    return "http://" + host + ":" + port + pathAndQuery;
  }
}
