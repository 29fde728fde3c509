package io.zeroscale.local.port;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out ports of a range without collisions: a port is given to one replica at a time (until
 * {@link #release}) and only if a test bind on it succeeds, so ports used by other programs are
 * skipped. The search goes round the range from where it last stopped, so a port just released is
 * not handed out again at once. It starts at a random point of the range: two platforms on one host
 * (a {@code zeroscale up} and a test run, say) would otherwise both start at the bottom, and
 * between one's test bind and its replica's own bind the other could hand out the same port (seen
 * with concurrent builds: a replica lost its port and the readiness probe was answered by the other
 * platform's replica). The test bind does not set SO_REUSEADDR, so ports with connections lingering
 * in TIME_WAIT are skipped too: whatever socket options the function's server uses, it can bind the
 * port it is given.
 */
public final class PortAllocator {

  private final int first;
  private final int last;
  private final Set<Integer> handedOut = new HashSet<>();
  private int next;

  public PortAllocator(int first, int last) {
    if (first < 1 || last > 65535 || first > last) {
      throw new IllegalArgumentException("invalid port range " + first + "-" + last);
    }
    this.first = first;
    this.last = last;
    this.next = first + ThreadLocalRandom.current().nextInt(last - first + 1);
  }

  /**
   * Reserves a free port.
   *
   * @throws IllegalStateException when every port of the range is taken
   */
  public synchronized int allocate() {
    int size = last - first + 1;
    for (int i = 0; i < size; i++) {
      int port = next;
      next = port == last ? first : port + 1;
      if (!handedOut.contains(port) && bindable(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IllegalStateException(
        "no free port left in "
            + first
            + "-"
            + last
            + " ("
            + handedOut.size()
            + " held by replicas); widen the port range or lower the replica count");
  }

  /** Returns a port to the pool; releasing a port twice is harmless. */
  public synchronized void release(int port) {
    handedOut.remove(port);
  }

  /** Ports held by replicas now. */
  public synchronized int inUse() {
    return handedOut.size();
  }

  private boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      // The wildcard address: it collides with a listener on any address of the host.
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
