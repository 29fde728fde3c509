package io.zeroscale.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP GET on a replica, over a plain socket: probing runs every few milliseconds per starting
 * replica, so it costs one short connection and no client machinery. Any answer below 500 means
 * ready; a refused connection, a timeout or a 5xx means not yet.
 */
final class ReadinessProbe {

  private static final int TIMEOUT_MS = 1000;

  private ReadinessProbe() {}

  static boolean isReady(String host, int port, String path) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + ":"
              + port
              + "\r\nUser-Agent: zeroscale-probe\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      int status = readStatus(socket.getInputStream());
      return status > 0 && status < 500;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads {@code HTTP/1.1 200 ...} and returns 200, or -1 if the answer is not HTTP. */
  private static int readStatus(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n' && line.length() < 256) {
      line.append((char) c);
    }
    String[] parts = line.toString().trim().split(" ");
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
