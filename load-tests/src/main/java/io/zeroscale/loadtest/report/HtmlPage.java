package io.zeroscale.loadtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scenario's report page: text, tables and SVG charts in a single self-contained file. */
public final class HtmlPage {

  private final StringBuilder body = new StringBuilder();
  private final String title;

  public HtmlPage(String title) {
    this.title = title;
  }

  public HtmlPage paragraph(String text) {
    body.append("<p>").append(Format.html(text)).append("</p>\n");
    return this;
  }

  public HtmlPage table(TextTable table) {
    body.append(table.toHtml());
    return this;
  }

  /** An SVG made by {@link SvgChart}. */
  public HtmlPage chart(String svg) {
    body.append("<figure>").append(svg).append("</figure>\n");
    return this;
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + Format.html(title)
            + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
            + "padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
            + "caption{font-weight:bold;text-align:left}figure{margin:1em 0}</style>\n"
            + "</head><body>\n<h1>"
            + Format.html(title)
            + "</h1>\n"
            + body
            + "</body></html>\n");
  }
}
