package io.zeroscale.autoscaler.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A load trace: requests arriving per second, second by second, and the model to replay it against.
 * The file is CSV: {@code # key=value} lines for {@link SimParameters}, a {@code
 * second,requests_per_second} header, then one row per second (missing seconds count as zero).
 *
 * @param name the file name without {@code .csv}
 * @param arrivals requests arriving in each second
 * @param parameters the replay model
 */
public record Trace(String name, double[] arrivals, SimParameters parameters) {

  public static Trace read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
    Map<String, String> header = new LinkedHashMap<>();
    List<double[]> rows = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file)) {
      lineNo++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("second")) {
        continue;
      }
      if (text.startsWith("#")) {
        for (String pair : text.substring(1).trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            header.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        continue;
      }
      String[] cells = text.split(",");
      try {
        rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])});
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + lineNo + ": expected 'second,requests_per_second'", e);
      }
    }
    int seconds = rows.stream().mapToInt(r -> (int) r[0] + 1).max().orElse(0);
    double[] arrivals = new double[seconds];
    for (double[] row : rows) {
      arrivals[(int) row[0]] = Math.max(0, row[1]);
    }
    return new Trace(name, arrivals, SimParameters.from(header));
  }

  /** Requests per second arriving at {@code second} (0 past the end). */
  public double rateAt(double second) {
    int i = (int) Math.floor(second);
    return i >= 0 && i < arrivals.length ? arrivals[i] : 0;
  }

  public int seconds() {
    return arrivals.length;
  }
}
