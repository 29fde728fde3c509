package io.zeroscale.loadtest.report;

import java.util.List;
import java.util.Locale;

/**
 * Line and bar charts as inline SVG. Hand-written on purpose: the page must stay one file with no
 * scripts, and no charting library served here writes plain SVG without a browser runtime; these
 * two chart kinds need axes, ticks, a legend and polylines or rectangles, nothing more.
 */
public final class SvgChart {

  /** A named line of (x, y) points. */
  public record Series(String name, List<double[]> points) {}

  /** A named bar per group, one value per group. */
  public record Bars(String name, List<Double> values) {}

  static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 170;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;

  private SvgChart() {}

  /** Lines over a shared x axis (time, usually). */
  public static String lines(String title, String xLabel, String yLabel, List<Series> series) {
    double maxX = 0;
    double maxY = 0;
    for (Series s : series) {
      for (double[] p : s.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    Axis x = Axis.of(maxX);
    Axis y = Axis.of(maxY);
    StringBuilder svg = frame(title, xLabel, yLabel, x, y, true);
    for (int i = 0; i < series.size(); i++) {
      StringBuilder points = new StringBuilder();
      for (double[] p : series.get(i).points()) {
        points.append(fmt(px(p[0], x))).append(',').append(fmt(py(p[1], y))).append(' ');
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"")
          .append(color(i))
          .append("\" points=\"")
          .append(points.toString().trim())
          .append("\"/>\n");
    }
    return legend(svg, series.stream().map(Series::name).toList()).append("</svg>\n").toString();
  }

  /** Grouped bars: for each group (target), one bar per series (p50, p99...). */
  public static String bars(String title, String yLabel, List<String> groups, List<Bars> series) {
    double maxY =
        series.stream().flatMap(b -> b.values().stream()).mapToDouble(v -> v).max().orElse(0);
    Axis y = Axis.of(maxY);
    StringBuilder svg = frame(title, "", yLabel, null, y, false);
    double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, groups.size());
    double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
    for (int g = 0; g < groups.size(); g++) {
      double x0 = LEFT + g * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values().get(g);
        double top = py(value, y);
        svg.append("<rect x=\"")
            .append(fmt(x0 + s * barWidth))
            .append("\" y=\"")
            .append(fmt(top))
            .append("\" width=\"")
            .append(fmt(barWidth * 0.92))
            .append("\" height=\"")
            .append(fmt(HEIGHT - BOTTOM - top))
            .append("\" fill=\"")
            .append(color(s))
            .append("\"><title>")
            .append(Format.html(groups.get(g)))
            .append(' ')
            .append(Format.html(series.get(s).name()))
            .append(": ")
            .append(Format.number(value))
            .append("</title></rect>\n");
      }
      text(svg, x0 + groupWidth * 0.4, HEIGHT - BOTTOM + 16, "middle", groups.get(g));
    }
    return legend(svg, series.stream().map(Bars::name).toList()).append("</svg>\n").toString();
  }

  private static StringBuilder frame(
      String title, String xLabel, String yLabel, Axis x, Axis y, boolean xTicks) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    text(svg, WIDTH / 2.0 - RIGHT / 2.0, 16, "middle", title);
    for (double v = 0; v <= y.max() + 1e-9; v += y.step()) {
      horizontalLine(svg, py(v, y), "#ddd");
      text(svg, LEFT - 6, py(v, y) + 4, "end", Format.number(v));
    }
    if (xTicks) {
      for (double v = 0; v <= x.max() + 1e-9; v += x.step()) {
        text(svg, px(v, x), HEIGHT - BOTTOM + 16, "middle", Format.number(v));
      }
    }
    horizontalLine(svg, HEIGHT - BOTTOM, "#333");
    text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 8, "middle", xLabel);
    svg.append("<text transform=\"translate(14,")
        .append(fmt((TOP + HEIGHT - BOTTOM) / 2.0))
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(Format.html(yLabel))
        .append("</text>\n");
    return svg;
  }

  private static void horizontalLine(StringBuilder svg, double y, String color) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            LEFT,
            WIDTH - RIGHT,
            y,
            y,
            color));
  }

  private static StringBuilder legend(StringBuilder svg, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      double y = TOP + 8 + i * 18;
      svg.append("<rect x=\"")
          .append(WIDTH - RIGHT + 12)
          .append("\" y=\"")
          .append(fmt(y - 9))
          .append("\" width=\"12\" height=\"10\" fill=\"")
          .append(color(i))
          .append("\"/>\n");
      text(svg, WIDTH - RIGHT + 30, y, "start", names.get(i));
    }
    return svg;
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
    svg.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\">")
        .append(Format.html(text))
        .append("</text>\n");
  }

  private static double px(double x, Axis axis) {
    return LEFT + x / axis.max() * (WIDTH - LEFT - RIGHT);
  }

  private static double py(double y, Axis axis) {
    return HEIGHT - BOTTOM - y / axis.max() * (HEIGHT - TOP - BOTTOM);
  }

  private static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** An axis from 0 to a round maximum, with about five round steps. */
  record Axis(double max, double step) {
    static Axis of(double dataMax) {
      if (!(dataMax > 0) || Double.isInfinite(dataMax)) {
        return new Axis(1, 0.2);
      }
      double raw = dataMax / 5;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double[] nice = {1, 2, 2.5, 5, 10};
      double step = magnitude * 10;
      for (double n : nice) {
        if (n * magnitude >= raw) {
          step = n * magnitude;
          break;
        }
      }
      return new Axis(Math.ceil(dataMax / step - 1e-9) * step, step);
    }
  }
}
