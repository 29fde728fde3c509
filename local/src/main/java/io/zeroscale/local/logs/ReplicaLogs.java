package io.zeroscale.local.logs;

import io.zeroscale.api.function.FunctionKey;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The output of a function's replicas: {@code <dir>/<namespace>/<name>/<replicaId>.log}, one file
 * per replica start (stdout and stderr together). Reads the last lines across those files for
 * {@code zeroscale logs NAME}, and keeps at most a given number of files per function.
 */
public final class ReplicaLogs {

  private static final Logger LOG = Logger.getLogger(ReplicaLogs.class);
  private static final String SUFFIX = ".log";

  private final Path dir;
  private final int filesPerFunction;

  /**
   * @param dir the logs directory, usually {@link io.zeroscale.local.LocalBackendConfig#logsDir()}
   * @param filesPerFunction files kept per function by {@link #prune}
   */
  public ReplicaLogs(Path dir, int filesPerFunction) {
    this.dir = dir;
    this.filesPerFunction = filesPerFunction;
  }

  /** The file a replica writes to; its directory is created. */
  public Path fileFor(FunctionKey key, String replicaId) {
    Path functionDir = functionDir(key);
    try {
      Files.createDirectories(functionDir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the log directory of function " + key + " (" + functionDir + ")", e);
    }
    return functionDir.resolve(replicaId + SUFFIX);
  }

  /**
   * The last {@code lines} lines of the function's output, oldest first, across its replica files
   * (files ordered by last write, the newest last). Each line is prefixed with {@code [replicaId]
   * }. Empty when the function never ran.
   */
  public List<String> tail(FunctionKey key, int lines) {
    if (lines <= 0) {
      return List.of();
    }
    List<Path> files = files(key);
    Deque<String> result = new ArrayDeque<>();
    for (int i = files.size() - 1; i >= 0 && result.size() < lines; i--) {
      Path file = files.get(i);
      String replicaId = replicaId(file);
      List<String> last = lastLines(file, lines - result.size());
      for (int j = last.size() - 1; j >= 0; j--) {
        result.addFirst("[" + replicaId + "] " + last.get(j));
      }
    }
    return List.copyOf(result);
  }

  /**
   * Deletes the oldest files of a function so that at most the configured number remain, never
   * touching the files named in {@code keep} (replicas still running).
   */
  public void prune(FunctionKey key, Set<String> keep) {
    List<Path> files = files(key);
    int excess = files.size() - filesPerFunction;
    for (Path file : files) {
      if (excess <= 0) {
        break;
      }
      if (keep.contains(replicaId(file))) {
        continue;
      }
      try {
        Files.deleteIfExists(file);
        excess--;
      } catch (IOException e) {
        LOG.warnf("old replica log not deleted file=%s reason=\"%s\"", file, e.getMessage());
      }
    }
  }

  /** The replica log files of a function, the most recently written last. */
  public List<Path> files(FunctionKey key) {
    Path functionDir = functionDir(key);
    if (!Files.isDirectory(functionDir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(functionDir)) {
      list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the logs of function " + key, e);
    }
    files.sort(Comparator.comparing(ReplicaLogs::lastModified).thenComparing(Path::toString));
    return files;
  }

  private Path functionDir(FunctionKey key) {
    return dir.resolve(key.namespace()).resolve(key.name());
  }

  private static String replicaId(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - SUFFIX.length());
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Reads backwards from the end in chunks, so a large file costs only what is shown. */
  static List<String> lastLines(Path file, int count) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long end = raf.length();
      long pos = end;
      int newlines = 0;
      byte[] chunk = new byte[8192];
      // Find the start of the count-th line from the end (a trailing newline ends the last line).
      long start = 0;
      boolean found = false;
      while (pos > 0 && !found) {
        int n = (int) Math.min(chunk.length, pos);
        pos -= n;
        raf.seek(pos);
        raf.readFully(chunk, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (chunk[i] == '\n' && pos + i != end - 1) {
            newlines++;
            if (newlines == count) {
              start = pos + i + 1;
              found = true;
              break;
            }
          }
        }
      }
      byte[] tail = new byte[(int) (end - start)];
      raf.seek(start);
      raf.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        return List.of();
      }
      return List.of(text.split("\r?\n", -1)).subList(0, countLines(text));
    } catch (IOException e) {
      LOG.debugf("replica log not readable file=%s reason=\"%s\"", file, e.getMessage());
      return List.of();
    }
  }

  private static int countLines(String text) {
    String[] parts = text.split("\r?\n", -1);
    return text.endsWith("\n") ? parts.length - 1 : parts.length;
  }
}
