package io.zeroscale.local.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

  @Test
  void handsOutEachPortOnceUntilReleased() {
    PortAllocator ports = new PortAllocator(20000, 29999);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(seen.add(ports.allocate())).as("port handed out twice").isTrue();
    }
    assertThat(ports.inUse()).isEqualTo(200);
    seen.forEach(ports::release);
    assertThat(ports.inUse()).isZero();
  }

  @Test
  void handsOutPortsOfTheRangeOnlyWrappingRoundFromWhereverItStarts() {
    PortAllocator ports = new PortAllocator(20000, 20099);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      try {
        seen.add(ports.allocate());
      } catch (IllegalStateException rangeFullOfOtherPrograms) {
        break;
      }
    }
    assertThat(seen).isNotEmpty().allMatch(port -> port >= 20000 && port <= 20099);
    assertThat(ports.inUse()).isEqualTo(seen.size());
  }

  @Test
  void skipsPortsOtherProgramsListenOn() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      int port = taken.getLocalPort();
      // A one-port range: whether the neighbouring ports are free depends on the machine.
      PortAllocator ports = new PortAllocator(port, port);
      assertThatThrownBy(ports::allocate)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("widen the port range");
    }
  }

  @Test
  void aReleasedPortIsHandedOutAgain() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    PortAllocator ports = new PortAllocator(free, free);
    assertThat(ports.allocate()).isEqualTo(free);
    assertThatThrownBy(ports::allocate).isInstanceOf(IllegalStateException.class);
    ports.release(free);
    assertThat(ports.allocate()).isEqualTo(free);
  }
}
