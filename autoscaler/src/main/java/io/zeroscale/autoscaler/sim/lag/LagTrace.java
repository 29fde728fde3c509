package io.zeroscale.autoscaler.sim.lag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Records produced per second, second by second: CSV with {@code # key=value} lines for {@link
 * LagModel}, a {@code second,records_per_second} header, one row per second (missing seconds are
 * 0).
 */
public record LagTrace(String name, double[] produced, LagModel model) {

  public static LagTrace read(Path file) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    Map<Integer, Double> rows = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file)) {
      lineNo++;
      String text = line.strip();
      if (text.startsWith("#")) {
        for (String pair : text.substring(1).trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            header.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      } else if (!text.isEmpty() && !text.startsWith("second")) {
        String[] cells = text.split(",");
        try {
          rows.put(Integer.parseInt(cells[0]), Math.max(0, Double.parseDouble(cells[1])));
        } catch (RuntimeException e) {
          throw new IOException(file + ":" + lineNo + ": expected 'second,records_per_second'", e);
        }
      }
    }
    int seconds = rows.keySet().stream().mapToInt(s -> s + 1).max().orElse(0);
    double[] produced = new double[seconds];
    rows.forEach((second, rate) -> produced[second] = rate);
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
    return new LagTrace(name, produced, LagModel.from(header));
  }

  /** Every {@code *.csv} of {@code directory}, in file-name order. */
  public static List<LagTrace> readAll(Path directory) throws IOException {
    try (Stream<Path> listing = Files.list(directory)) {
      List<Path> files = listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      if (files.isEmpty()) {
        throw new IOException("no *.csv lag traces in " + directory.toAbsolutePath());
      }
      List<LagTrace> traces = new java.util.ArrayList<>();
      for (Path f : files) {
        traces.add(read(f));
      }
      return traces;
    }
  }

  double rateAt(int second) {
    return second >= 0 && second < produced.length ? produced[second] : 0;
  }
}
