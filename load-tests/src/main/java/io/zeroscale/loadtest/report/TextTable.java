package io.zeroscale.loadtest.report;

import java.util.ArrayList;
import java.util.List;

/** A table with a header row, printed aligned on the console or as HTML. */
public final class TextTable {

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the header " + header.size());
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(Format.cell(cell));
    }
    rows.add(row);
    return this;
  }

  public String title() {
    return title;
  }

  /** Left-aligned first column, right-aligned numbers. */
  public String toText() {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    appendLine(out, header, widths);
    for (List<String> row : rows) {
      appendLine(out, row, widths);
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      out.append(c == 0 ? cell + pad : pad + cell).append(c == cells.size() - 1 ? "" : "  ");
    }
    out.append('\n');
  }

  public String toHtml() {
    StringBuilder out = new StringBuilder("<table><caption>").append(Format.html(title));
    out.append("</caption><tr>");
    header.forEach(h -> out.append("<th>").append(Format.html(h)).append("</th>"));
    out.append("</tr>");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(Format.html(c)).append("</td>"));
      out.append("</tr>");
    }
    return out.append("</table>\n").toString();
  }
}
