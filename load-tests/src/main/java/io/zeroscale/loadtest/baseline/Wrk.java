package io.zeroscale.loadtest.baseline;

import io.zeroscale.loadtest.process.ChildProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code wrk} run (Debian's wrk 4, closed loop), so that no figure rests on our own generator
 * only. Its latencies are not corrected for coordinated omission; its throughput is the check.
 */
public final class Wrk {

  /** What wrk printed, parsed; latencies in milliseconds. */
  public record WrkResult(
      String target,
      int threads,
      int connections,
      int seconds,
      double throughput,
      double p50,
      double p90,
      double p99,
      long errors) {}

  private Wrk() {}

  public static WrkResult run(String name, String url, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    String wrk = SystemPackages.require("wrk", "wrk").toString();
    List<String> command =
        List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", url);
    System.err.println("  wrk " + name + ": " + String.join(" ", command.subList(1, 6)));
    Process process = ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true));
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("wrk failed against " + url + ":\n" + output);
      }
      return parse(name, threads, connections, seconds, output);
    } finally {
      ChildProcesses.stop(process, 5);
    }
  }

  /** Reads {@code Requests/sec:}, the {@code --latency} distribution and error lines. */
  static WrkResult parse(String name, int threads, int connections, int seconds, String output) {
    Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
    if (!rps.find()) {
      throw new IllegalStateException("wrk printed no Requests/sec line:\n" + output);
    }
    long errors = 0;
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(output);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket =
        Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(output);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new WrkResult(
        name,
        threads,
        connections,
        seconds,
        Double.parseDouble(rps.group(1)),
        percentile(output, "50"),
        percentile(output, "90"),
        percentile(output, "99"),
        errors);
  }

  private static double percentile(String output, String percent) {
    Matcher m =
        Pattern.compile("^\\s+" + percent + "%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
            .matcher(output);
    if (!m.find()) {
      return -1;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
