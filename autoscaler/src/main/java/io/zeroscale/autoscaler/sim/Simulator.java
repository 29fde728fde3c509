package io.zeroscale.autoscaler.sim;

import io.zeroscale.autoscaler.decider.ConcurrencyDecider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The simulator's command: replays every {@code *.csv} trace of a directory through zeroscale's
 * decider and through {@link KpaReimplementation}, prints the comparison table and writes the
 * report. Arguments: the traces directory (default {@code autoscaler/traces}) and the output
 * directory (default {@code autoscaler/target/simulation}).
 */
public final class Simulator {

  public static final String ZEROSCALE = "zeroscale";

  private Simulator() {}

  public static void main(String[] args) throws IOException {
    Path traces = Path.of(args.length > 0 ? args[0] : "autoscaler/traces");
    Path out = Path.of(args.length > 1 ? args[1] : "autoscaler/target/simulation");
    List<Report.Comparison> comparisons = compareAll(traces);
    Report.write(out, comparisons);
    System.out.println(Report.TABLE_HEADER);
    for (Report.Comparison c : comparisons) {
      System.out.println(Report.row(c.trace().name(), c.zeroscale()));
      System.out.println(Report.row(c.trace().name(), c.kpa()));
    }
    System.out.println("report: " + out.resolve("index.html").toAbsolutePath().normalize());
  }

  /** Replays every trace of {@code directory} through both deciders, in file-name order. */
  public static List<Report.Comparison> compareAll(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no *.csv traces in " + directory.toAbsolutePath());
    }
    List<Report.Comparison> comparisons = new ArrayList<>();
    for (Path file : files) {
      comparisons.add(compare(Trace.read(file)));
    }
    return comparisons;
  }

  public static Report.Comparison compare(Trace trace) {
    return new Report.Comparison(
        trace,
        Simulation.run(
            trace, ZEROSCALE, new ConcurrencyDecider(), Simulation.Pokes.WHILE_WAITING_AT_ZERO),
        Simulation.run(
            trace,
            KpaReimplementation.LABEL,
            new KpaReimplementation(),
            Simulation.Pokes.FIRST_REQUEST_AT_ZERO));
  }
}
