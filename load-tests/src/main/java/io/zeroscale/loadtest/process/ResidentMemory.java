package io.zeroscale.loadtest.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory (VmRSS), read from {@code /proc} (Linux). */
public final class ResidentMemory {

  private ResidentMemory() {}

  /** Resident memory in MiB, or -1 when the process is gone or {@code /proc} is not there. */
  public static double mebibytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return parseKibibytes(line) / 1024.0;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** {@code VmRSS: 107316 kB} → 107316. */
  static long parseKibibytes(String line) {
    String digits = line.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }
}
