package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.local.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One file per running replica under {@code <dataDir>/run/<namespace>/<name>/<replicaId>.pid}, and
 * the reaping of processes whose files a crashed platform left behind. {@code setpriv --pdeathsig}
 * already kills replicas with the platform where it exists; the files cover systems without it.
 *
 * <p>A pid can be reused by an unrelated process after the replica died, so a leftover is killed
 * only if its start time (or, when the system does not report it, its command) still matches what
 * was recorded.
 */
final class PidFiles {

  private static final Logger LOG = Logger.getLogger(PidFiles.class);

  private final Path dir;

  PidFiles(Path dir) {
    this.dir = dir;
  }

  void write(FunctionKey key, String replicaId, ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    StringBuilder text = new StringBuilder();
    text.append("pid=").append(process.pid()).append('\n');
    info.startInstant().ifPresent(s -> text.append("start=").append(s.toEpochMilli()).append('\n'));
    info.command().ifPresent(c -> text.append("command=").append(c).append('\n'));
    AtomicFile.write(file(key, replicaId), text.toString());
  }

  void delete(FunctionKey key, String replicaId) {
    try {
      Files.deleteIfExists(file(key, replicaId));
    } catch (IOException e) {
      LOG.warnf(
          "pid file not deleted function=%s replica=%s reason=\"%s\"",
          key, replicaId, e.getMessage());
    }
  }

  /** Kills the processes of every pid file left behind, then deletes the files. */
  int reapLeftovers() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".pid")).forEach(files::add);
    } catch (IOException e) {
      LOG.warnf("leftover replicas not checked dir=%s reason=\"%s\"", dir, e.getMessage());
      return 0;
    }
    int killed = 0;
    for (Path file : files) {
      if (reap(file)) {
        killed++;
      }
    }
    return killed;
  }

  private boolean reap(Path file) {
    try {
      Map<String, String> fields = parse(Files.readAllLines(file));
      Files.deleteIfExists(file);
      long pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
      Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
      if (handle.isEmpty()) {
        return false;
      }
      if (!sameProcess(handle.get().info(), fields)) {
        LOG.infof(
            "leftover pid file ignored file=%s pid=%d reason=\"pid now belongs to another"
                + " process\"",
            file, pid);
        return false;
      }
      ProcessHandle process = handle.get();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.onExit().get(5, TimeUnit.SECONDS);
      LOG.infof("leftover replica killed file=%s pid=%d", file, pid);
      return true;
    } catch (Exception e) {
      LOG.warnf("leftover replica not reaped file=%s reason=\"%s\"", file, e.getMessage());
      return false;
    }
  }

  private static boolean sameProcess(ProcessHandle.Info info, Map<String, String> fields) {
    Optional<Instant> start = info.startInstant();
    if (start.isPresent() && fields.containsKey("start")) {
      return start.get().toEpochMilli() == Long.parseLong(fields.get("start"));
    }
    return info.command().isPresent() && info.command().get().equals(fields.get("command"));
  }

  private static Map<String, String> parse(List<String> lines) {
    Map<String, String> fields = new HashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return fields;
  }

  private Path file(FunctionKey key, String replicaId) {
    return dir.resolve(key.namespace()).resolve(key.name()).resolve(replicaId + ".pid");
  }
}
