package io.zeroscale.loadtest.report;

import java.util.Locale;

/** Number and text formatting shared by tables, charts and pages. */
public final class Format {

  private Format() {}

  /** Numbers with at most two decimals (none for whole numbers), everything else as text. */
  public static String cell(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return number(((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  public static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
