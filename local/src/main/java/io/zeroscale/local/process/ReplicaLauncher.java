package io.zeroscale.local.process;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a replica's process: {@code spec.command} in {@code spec.workingDir} (or the platform's),
 * with {@code spec.env} plus {@code PORT}, {@code ZEROSCALE_FUNCTION} and {@code
 * ZEROSCALE_REPLICA}, stdout and stderr appended to the replica's log file.
 *
 * <p>Where {@code /usr/bin/setpriv} exists the command runs as {@code setpriv --pdeathsig KILL --
 * command…}: setpriv execs the command in place (same pid), and the kernel kills it when the
 * platform dies, even by SIGKILL.
 */
final class ReplicaLauncher {

  static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final boolean useSetpriv;

  ReplicaLauncher() {
    this(Files.isExecutable(SETPRIV));
  }

  ReplicaLauncher(boolean useSetpriv) {
    this.useSetpriv = useSetpriv;
  }

  Process launch(FunctionKey key, String replicaId, FunctionSpec spec, int port, Path logFile)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (useSetpriv) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
    }
    command.addAll(spec.command());
    ProcessBuilder builder = new ProcessBuilder(command);
    if (spec.workingDir() != null && !spec.workingDir().isBlank()) {
      builder.directory(new File(spec.workingDir()));
    }
    Map<String, String> env = builder.environment();
    if (spec.env() != null) {
      env.putAll(spec.env());
    }
    env.put("PORT", Integer.toString(port));
    env.put("ZEROSCALE_FUNCTION", key.toString());
    env.put("ZEROSCALE_REPLICA", replicaId);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Process process = builder.start();
    // No input: a replica that reads stdin sees end-of-file instead of waiting forever.
    process.getOutputStream().close();
    return process;
  }
}
