package io.zeroscale.loadtest.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a result was measured on: cores, memory, load average, OS and JVM. */
public final class Machine {

  private Machine() {}

  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("memoryMiB", memTotalMebibytes());
    m.put("loadAverage", firstLine(Path.of("/proc/loadavg")));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    return m;
  }

  private static long memTotalMebibytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux: unknown.
    }
    return -1;
  }

  private static String firstLine(Path file) {
    try {
      return Files.readAllLines(file).get(0);
    } catch (IOException | IndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
