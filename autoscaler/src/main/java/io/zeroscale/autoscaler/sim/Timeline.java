package io.zeroscale.autoscaler.sim;

import java.util.ArrayList;
import java.util.List;

/** One replay, second by second. */
public final class Timeline {

  /** The state at the end of one second. */
  public record Row(
      int second,
      double arrivals,
      double concurrency,
      int queued,
      int desired,
      int ready,
      boolean panic) {}

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The rows as CSV with a header line. */
  public String csv() {
    StringBuilder sb = new StringBuilder("second,arrivals,concurrency,queued,desired,ready,mode\n");
    for (Row r : rows) {
      sb.append(r.second())
          .append(',')
          .append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", r.arrivals(), r.concurrency()))
          .append(',')
          .append(r.queued())
          .append(',')
          .append(r.desired())
          .append(',')
          .append(r.ready())
          .append(',')
          .append(r.panic() ? "panic" : "stable")
          .append('\n');
    }
    return sb.toString();
  }
}
