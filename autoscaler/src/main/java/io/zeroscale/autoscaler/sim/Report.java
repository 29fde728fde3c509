package io.zeroscale.autoscaler.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Writes what the simulator found: per trace and decider a CSV timeline, per trace an HTML page
 * with inline SVG plots of both deciders, and {@code index.html} and {@code summary.csv} with the
 * comparison table.
 */
public final class Report {

  /** Both replays of one trace. */
  public record Comparison(Trace trace, Simulation.Result zeroscale, Simulation.Result kpa) {}

  static final String TABLE_HEADER =
      String.format(
          Locale.ROOT,
          "%-14s %-24s %12s %9s %12s %9s %11s %8s %6s",
          "trace",
          "decider",
          "queued req*s",
          "max queue",
          "replica*s",
          "dir.chg",
          "1st ready s",
          "dropped",
          "panics");

  private Report() {}

  static String row(String trace, Simulation.Result r) {
    Summary s = r.summary();
    return String.format(
        Locale.ROOT,
        "%-14s %-24s %12.1f %9d %12.1f %9d %11.1f %8d %6d",
        trace,
        r.decider(),
        s.queuedRequestSeconds(),
        s.maxQueue(),
        s.replicaSeconds(),
        s.directionChanges(),
        s.firstReadySeconds(),
        s.dropped(),
        s.panicEntries());
  }

  static void write(Path out, List<Comparison> comparisons) throws IOException {
    Files.createDirectories(out);
    StringBuilder csv =
        new StringBuilder(
            "trace,decider,queued_request_seconds,max_queue,replica_seconds,direction_changes,"
                + "first_ready_seconds,dropped,served,panic_entries\n");
    StringBuilder index = new StringBuilder(page("zeroscale autoscaler simulation"));
    index.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr>");
    for (String h :
        List.of(
            "trace",
            "decider",
            "queued request·s",
            "max queue",
            "replica·s",
            "direction changes",
            "first ready (s)",
            "dropped",
            "panic entries")) {
      index.append("<th>").append(h).append("</th>");
    }
    index.append("</tr>\n");
    for (Comparison c : comparisons) {
      for (Simulation.Result r : List.of(c.zeroscale(), c.kpa())) {
        Summary s = r.summary();
        csv.append(
            String.format(
                Locale.ROOT,
                "%s,%s,%.1f,%d,%.1f,%d,%.1f,%d,%d,%d%n",
                c.trace().name(),
                r.decider(),
                s.queuedRequestSeconds(),
                s.maxQueue(),
                s.replicaSeconds(),
                s.directionChanges(),
                s.firstReadySeconds(),
                s.dropped(),
                s.served(),
                s.panicEntries()));
        index.append(
            String.format(
                Locale.ROOT,
                "<tr><td><a href=\"%s.html\">%s</a></td><td>%s</td><td>%.1f</td><td>%d</td>"
                    + "<td>%.1f</td><td>%d</td><td>%.1f</td><td>%d</td><td>%d</td></tr>%n",
                c.trace().name(),
                c.trace().name(),
                SvgChart.escape(r.decider()),
                s.queuedRequestSeconds(),
                s.maxQueue(),
                s.replicaSeconds(),
                s.directionChanges(),
                s.firstReadySeconds(),
                s.dropped(),
                s.panicEntries()));
        Files.writeString(
            out.resolve(c.trace().name() + "-" + slug(r.decider()) + ".csv"), r.timeline().csv());
      }
      Files.writeString(out.resolve(c.trace().name() + ".html"), tracePage(c));
    }
    index.append("</table>\n</body></html>\n");
    Files.writeString(out.resolve("summary.csv"), csv.toString());
    Files.writeString(out.resolve("index.html"), index.toString());
  }

  private static String tracePage(Comparison c) {
    StringBuilder html = new StringBuilder(page("trace " + c.trace().name()));
    html.append("<p>Model: ")
        .append(SvgChart.escape(c.trace().parameters().toString()))
        .append("</p>\n<pre>")
        .append(TABLE_HEADER)
        .append('\n')
        .append(SvgChart.escape(row(c.trace().name(), c.zeroscale())))
        .append('\n')
        .append(SvgChart.escape(row(c.trace().name(), c.kpa())))
        .append("</pre>\n");
    html.append(
        new SvgChart("ready replicas")
            .line("zeroscale", "#1f77b4", series(c.zeroscale(), r -> r.ready()))
            .line(KpaReimplementation.LABEL, "#d62728", series(c.kpa(), r -> r.ready()))
            .render());
    for (Simulation.Result r : List.of(c.zeroscale(), c.kpa())) {
      html.append("<h2>").append(SvgChart.escape(r.decider())).append("</h2>\n");
      html.append(
          new SvgChart("load: arrivals/s, concurrency, queue depth")
              .line("arrivals/s", "#bbbbbb", series(r, Timeline.Row::arrivals))
              .line("concurrency", "#2ca02c", series(r, Timeline.Row::concurrency))
              .line("queued", "#ff7f0e", series(r, row -> row.queued()))
              .render());
      html.append(
          new SvgChart("replicas: desired, ready; panic mode (1 while panicking)")
              .line("desired", "#9467bd", series(r, row -> row.desired()))
              .line("ready", "#1f77b4", series(r, row -> row.ready()))
              .line("panic", "#d62728", series(r, row -> row.panic() ? 1 : 0))
              .render());
    }
    return html.append("</body></html>\n").toString();
  }

  private static double[] series(Simulation.Result r, ToDoubleFunction<Timeline.Row> value) {
    return r.timeline().rows().stream().mapToDouble(value).toArray();
  }

  private static String page(String title) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + SvgChart.escape(title)
        + "</title></head>\n<body style=\"font-family:sans-serif\">\n<h1>"
        + SvgChart.escape(title)
        + "</h1>\n";
  }

  static String slug(String decider) {
    return decider.startsWith("KPA") ? "kpa" : "zeroscale";
  }
}
