package io.zeroscale.local.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaLogsTest {

  @TempDir Path dir;
  private final FunctionKey key = FunctionKey.of("default", "hello");

  private void write(ReplicaLogs logs, String replica, String text, long modified)
      throws Exception {
    Path file = logs.fileFor(key, replica);
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
  }

  @Test
  void tailReadsTheLastLinesAcrossReplicasNewestFileLast() throws Exception {
    ReplicaLogs logs = new ReplicaLogs(dir, 10);
    write(logs, "hello-b", "b1\nb2\n", 2_000_000);
    write(logs, "hello-a", "a1\na2\na3\n", 1_000_000);
    assertThat(logs.tail(key, 4))
        .containsExactly("[hello-a] a2", "[hello-a] a3", "[hello-b] b1", "[hello-b] b2");
    assertThat(logs.tail(key, 100))
        .containsExactly(
            "[hello-a] a1", "[hello-a] a2", "[hello-a] a3", "[hello-b] b1", "[hello-b] b2");
    assertThat(logs.tail(key, 2)).containsExactly("[hello-b] b1", "[hello-b] b2");
    assertThat(logs.tail(FunctionKey.of("default", "other"), 5)).isEmpty();
  }

  @Test
  void tailOfALargeFileReadsOnlyItsEnd() throws Exception {
    ReplicaLogs logs = new ReplicaLogs(dir, 10);
    String text =
        IntStream.range(0, 50_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    write(logs, "hello-big", text, 1_000_000);
    assertThat(logs.tail(key, 3))
        .containsExactly(
            "[hello-big] line 49997", "[hello-big] line 49998", "[hello-big] line 49999");
  }

  @Test
  void pruneKeepsTheNewestFilesAndThoseOfLiveReplicas() throws Exception {
    ReplicaLogs logs = new ReplicaLogs(dir, 2);
    for (int i = 0; i < 5; i++) {
      write(logs, "hello-" + i, "x\n", 1_000_000 + i * 1000L);
    }
    logs.prune(key, Set.of("hello-0"));
    assertThat(logs.files(key))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("hello-0.log", "hello-4.log");
  }
}
