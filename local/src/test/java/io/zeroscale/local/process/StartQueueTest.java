package io.zeroscale.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartQueueTest {

  private static Replica replica(String function, long sequence) {
    return new Replica(
        function + "-" + sequence,
        FunctionKey.of("default", function),
        new FunctionSpec(null, null, null, null, null, null, null, null),
        sequence);
  }

  @Test
  void theFirstReplicaOfAFunctionAtZeroGoesAheadOfReplicasThatOnlyAddCapacity() {
    StartQueue queue = new StartQueue(1);
    Set<String> wakingFromZero = Set.of("cold");
    queue.add(replica("warm", 1));
    queue.add(replica("warm", 2));
    queue.add(replica("cold", 3));

    Replica first = queue.next(r -> wakingFromZero.contains(r.key.name()) ? 0 : 2);
    assertThat(first.key.name()).isEqualTo("cold");
    assertThat(queue.next(r -> 2)).as("only one slot").isNull();

    queue.release(first);
    assertThat(queue.next(r -> 2).sequence).isEqualTo(1);
    assertThat(queue.running()).isEqualTo(1);
  }
}
