package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import io.zeroscale.api.function.ReplicaEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts a replica's process: {@code spec.command} in {@code spec.workingDir} (or the platform's),
 * with {@code spec.env} plus {@code PORT}, {@code ZEROSCALE_FUNCTION} and {@code
 * ZEROSCALE_REPLICA}, stdout and stderr appended to the replica's log file.
 *
 * <p>Where {@code /usr/bin/setpriv} exists the command runs as {@code setpriv --pdeathsig KILL --
 * command…}: setpriv execs the command in place (same pid), and the kernel kills it when the
 * platform dies, even by SIGKILL.
 *
 * <p>A Java function whose build made an AOT cache is started with it ({@link JvmStartCache}).
 *
 * <p>The kernel's "parent" for {@code --pdeathsig} is the <em>thread</em> that forked the child,
 * not the JVM: a replica forked by a pool thread gets SIGKILL when that thread ends (checked on
 * this machine: a child forked by a thread that then exited was dead a second later). So every fork
 * happens on one launcher thread that lives as long as the backend, and a failing launch cannot end
 * it (its exception is returned, not thrown on that thread).
 */
final class ReplicaLauncher implements AutoCloseable {

  static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  /**
   * Each replica gets its own session, so a Ctrl-C in the terminal that runs the platform reaches
   * the platform only, which then drains the replicas before stopping them. (A child of the JVM is
   * never a process-group leader, so setsid execs in place instead of forking: the pid the JVM sees
   * stays the replica's.)
   */
  static final Path SETSID = Path.of("/usr/bin/setsid");

  private final boolean useSetpriv;
  private final ExecutorService forkThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "zeroscale-process-launcher");
            t.setDaemon(true);
            return t;
          });

  ReplicaLauncher() {
    this(Files.isExecutable(SETPRIV));
  }

  ReplicaLauncher(boolean useSetpriv) {
    this.useSetpriv = useSetpriv;
    forkThread.execute(ReplicaLauncher::warmUp);
  }

  /**
   * Starts and reaps one trivial process, in the background, so that the first cold start of a
   * function does not also pay for loading and initialising the JDK's process machinery (measured:
   * the first wake-up after the platform started spent about 30 ms more before its process ran).
   */
  private static void warmUp() {
    try {
      new ProcessBuilder("true")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Nothing to warm up with; the first real start pays the cost instead.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Process launch(FunctionKey key, String replicaId, FunctionSpec spec, int port, Path logFile)
      throws IOException {
    ProcessBuilder builder = builder(key, replicaId, spec, port, logFile);
    Future<Process> started = forkThread.submit(builder::start);
    try {
      Process process = started.get();
      // No input: a replica that reads stdin sees end-of-file instead of waiting forever.
      process.getOutputStream().close();
      return process;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      started.cancel(false);
      throw new IOException("interrupted while launching replica " + replicaId, e);
    }
  }

  private ProcessBuilder builder(
      FunctionKey key, String replicaId, FunctionSpec spec, int port, Path logFile) {
    List<String> command = new ArrayList<>();
    if (useSetpriv && Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    if (useSetpriv) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    boolean hasWorkingDir = spec.workingDir() != null && !spec.workingDir().isBlank();
    Path workingDir = Path.of(hasWorkingDir ? spec.workingDir() : "");
    command.addAll(JvmStartCache.command(spec.command(), workingDir));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (hasWorkingDir) {
      builder.directory(new File(spec.workingDir()));
    }
    Map<String, String> env = builder.environment();
    if (spec.env() != null) {
      env.putAll(spec.env());
    }
    env.putAll(ReplicaEnvironment.fromSpec(key, spec));
    env.put(ReplicaEnvironment.PORT, Integer.toString(port));
    env.put(ReplicaEnvironment.REPLICA, replicaId);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    return builder;
  }

  boolean usesSetpriv() {
    return useSetpriv;
  }

  @Override
  public void close() {
    forkThread.shutdown();
  }
}
