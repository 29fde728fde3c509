package io.zeroscale.loadtest.process;

/** The {@code java} that runs this benchmark, used for the platform and the functions too. */
public final class JavaCommand {

  private JavaCommand() {}

  public static String path() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
