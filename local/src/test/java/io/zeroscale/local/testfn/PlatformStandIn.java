package io.zeroscale.local.testfn;

import io.zeroscale.api.function.Function;
import io.zeroscale.local.LocalBackendConfig;
import io.zeroscale.local.process.LocalOrchestrator;
import java.nio.file.Path;

/**
 * A stand-in for the platform process: runs a {@link LocalOrchestrator} with one replica, prints
 * {@code replica-pid=N} once it is ready, then waits to be killed.
 */
public final class PlatformStandIn {

  public static void main(String[] args) throws Exception {
    LocalOrchestrator orchestrator =
        new LocalOrchestrator(LocalBackendConfig.defaults(Path.of(args[0])));
    Function function = TestFunctions.function("survivor");
    orchestrator.apply(function);
    orchestrator.scale(function.key(), 1);
    while (orchestrator.currentScale(function.key()).ready() < 1) {
      Thread.sleep(10);
    }
    System.out.println("replica-pid=" + orchestrator.replicas(function.key()).get(0).pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
