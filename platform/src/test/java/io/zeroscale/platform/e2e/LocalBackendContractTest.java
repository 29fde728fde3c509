package io.zeroscale.platform.e2e;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The backend contract on the local backend: replicas are child processes of the platform. */
@QuarkusTest
class LocalBackendContractTest extends BackendContract {

  @Override
  String backend() {
    return "local";
  }

  @Override
  String echoSpec(String name, String scaling) {
    return PlatformClient.echoSpec(name, scaling);
  }

  @Override
  List<Long> readyReplicaPids(String name) {
    return platform.pids(name);
  }
}
