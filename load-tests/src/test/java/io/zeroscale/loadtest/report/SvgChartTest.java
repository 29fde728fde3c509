package io.zeroscale.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class SvgChartTest {

  @ParameterizedTest(name = "data up to {0} -> axis to {1} in steps of {2}")
  @CsvSource({
    "10, 10, 2",
    "7, 8, 2",
    "0.9, 1, 0.2",
    "48600, 50000, 10000",
    "3, 3, 1",
    "0, 1, 0.2",
    "123, 125, 25"
  })
  void axesEndOnRoundNumbers(double max, double axisMax, double step) {
    SvgChart.Axis axis = SvgChart.Axis.of(max);
    assertThat(axis.max()).isCloseTo(axisMax, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(axis.step()).isCloseTo(step, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aLineChartIsWellFormedSvgWithOneLinePerSeries() throws Exception {
    String svg =
        SvgChart.lines(
            "replicas <over> time & load",
            "seconds",
            "replicas",
            List.of(
                new SvgChart.Series("ready", List.of(new double[] {0, 1}, new double[] {2, 3})),
                new SvgChart.Series("desired", List.of(new double[] {0, 1}))));

    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    assertThat(svg).contains("replicas &lt;over&gt; time &amp; load");
  }

  @Test
  void aBarChartHasOneBarPerGroupAndSeries() throws Exception {
    String svg =
        SvgChart.bars(
            "latency",
            "ms",
            List.of("direct", "zeroscale", "nginx"),
            List.of(
                new SvgChart.Bars("p50", List.of(0.1, 0.2, 0.3)),
                new SvgChart.Bars("p99", List.of(1.0, 2.0, 3.0))));

    Document doc = parse(svg);
    // Plus one legend square per series.
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(3 * 2 + 2);
  }

  static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
