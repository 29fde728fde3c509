package io.zeroscale.autoscaler.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: no script, no external file, so the report opens anywhere.
 * Hand-written because a polyline per series and a few axis labels are all it needs; a charting
 * library would bring JavaScript or a rendering stack for that.
 */
final class SvgChart {

  private record Series(String name, String color, double[] values) {}

  private static final int WIDTH = 960;
  private static final int HEIGHT = 220;
  private static final int LEFT = 50;
  private static final int BOTTOM = 24;
  private static final int TOP = 20;

  private final String title;
  private final List<Series> series = new ArrayList<>();

  SvgChart(String title) {
    this.title = title;
  }

  SvgChart line(String name, String color, double[] values) {
    series.add(new Series(name, color, values));
    return this;
  }

  String render() {
    int points = series.stream().mapToInt(s -> s.values().length).max().orElse(1);
    double max = 1;
    for (Series s : series) {
      for (double v : s.values()) {
        max = Math.max(max, v);
      }
    }
    double top = niceCeiling(max);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"13\" font-weight=\"bold\">%s</text>%n",
            LEFT,
            escape(title)));
    axes(svg, points, top);
    for (Series s : series) {
      svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"")
          .append(s.color())
          .append("\" points=\"");
      for (int i = 0; i < s.values().length; i++) {
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, points), y(s.values()[i], top)));
      }
      svg.append("\"/>\n");
    }
    legend(svg);
    return svg.append("</svg>\n").toString();
  }

  private void axes(StringBuilder svg, int points, double top) {
    int bottomY = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
            LEFT,
            TOP,
            LEFT,
            bottomY,
            LEFT,
            bottomY,
            WIDTH - 10,
            bottomY));
    for (int k = 0; k <= 4; k++) {
      double v = top * k / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n"
                  + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
              LEFT - 4,
              y(v, top) + 4,
              label(v),
              LEFT,
              y(v, top),
              WIDTH - 10,
              y(v, top)));
    }
    int stepSeconds = Math.max(10, (points / 10 + 9) / 10 * 10);
    for (int s = 0; s < points; s += stepSeconds) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ds</text>%n",
              x(s, points),
              HEIGHT - 8,
              s));
    }
  }

  private void legend(StringBuilder svg) {
    int x = LEFT + 20 + (int) (title.length() * 6.5);
    for (Series s : series) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"5\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"11\">%s</text>%n",
              x,
              s.color(),
              x + 16,
              escape(s.name())));
      x += 30 + s.name().length() * 6;
    }
  }

  private static double x(int i, int points) {
    return LEFT + (WIDTH - 10 - LEFT) * (double) i / Math.max(1, points - 1);
  }

  private static double y(double v, double top) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * v / top;
  }

  private static double niceCeiling(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
