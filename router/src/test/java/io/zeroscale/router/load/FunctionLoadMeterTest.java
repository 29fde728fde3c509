package io.zeroscale.router.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.stats.LoadTotals;
import org.junit.jupiter.api.Test;

class FunctionLoadMeterTest {

  private static final FunctionKey HELLO = FunctionKey.of("default", "hello");

  @Test
  void totalsRunOnAcrossCollectionsAndReadingThemChangesNothing() {
    FunctionLoadMeter meter = new FunctionLoadMeter(HELLO);
    meter.arrived();
    meter.proxyStarted();
    meter.arrived();
    meter.enqueued();

    meter.collect();
    long now = System.nanoTime();
    LoadTotals first = meter.totals(now);
    LoadTotals again = meter.totals(now);

    assertThat(first.requests()).as("the window's collection reset nothing here").isEqualTo(2);
    assertThat(first.inFlight()).isEqualTo(1);
    assertThat(first.queued()).isEqualTo(1);
    assertThat(again).as("reading twice at one moment gives the same totals").isEqualTo(first);
    assertThat(meter.collect().requests()).as("nor did reading totals take the window's").isZero();
  }

  @Test
  void theConcurrencyIntegralGrowsWithWhatIsInFlightAndWaiting() {
    FunctionLoadMeter meter = new FunctionLoadMeter(HELLO);
    LoadTotals idle = meter.totals(System.nanoTime());
    long before = System.nanoTime();
    meter.proxyStarted();
    meter.enqueued();
    long after = System.nanoTime();
    long later = after + 2_000_000_000L;

    LoadTotals busy = meter.totals(later);

    assertThat(idle.concurrencySeconds()).isZero();
    assertThat(busy.concurrencySeconds())
        .as("two requests from about now until two seconds later")
        .isBetween(2 * (later - after) / 1e9, 2 * (later - before) / 1e9);
  }
}
