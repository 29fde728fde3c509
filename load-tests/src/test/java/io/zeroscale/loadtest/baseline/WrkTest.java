package io.zeroscale.loadtest.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkTest {

  static final String OUTPUT =
      """
      Running 1s test @ http://127.0.0.1:18777/
        1 threads and 2 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     2.89ms    1.48ms  11.84ms   77.40%
          Req/Sec   692.40    103.43     0.93k    80.00%
        Latency Distribution
           50%  812.00us
           75%    3.68ms
           90%    4.77ms
           99%    1.27s
        692 requests in 1.00s, 5.16MB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 5
      Requests/sec:    690.08
      Transfer/sec:      5.14MB
      """;

  @Test
  void readsThroughputPercentilesInMillisAndErrors() {
    Wrk.WrkResult r = Wrk.parse("direct", 1, 2, 1, OUTPUT);

    assertThat(r.throughput()).isEqualTo(690.08);
    assertThat(r.p50()).as("812us").isEqualTo(0.812);
    assertThat(r.p90()).as("4.77ms").isEqualTo(4.77);
    assertThat(r.p99()).as("1.27s").isEqualTo(1270.0);
    assertThat(r.errors()).as("5 non-2xx + 2 read + 3 timeouts").isEqualTo(10);
  }

  @Test
  void outputWithoutThroughputIsAnError() {
    assertThatThrownBy(() -> Wrk.parse("direct", 1, 2, 1, "unable to connect to 127.0.0.1:1"))
        .hasMessageContaining("no Requests/sec")
        .hasMessageContaining("unable to connect");
  }
}
