package io.zeroscale.loadtest.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

  @Test
  void readsKibibytesFromAStatusLine() {
    assertThat(ResidentMemory.parseKibibytes("VmRSS:\t  107316 kB")).isEqualTo(107316);
  }

  @Test
  void thisJvmUsesSomeMemoryAndAGoneProcessNone() {
    assertThat(ResidentMemory.mebibytes(ProcessHandle.current().pid())).isGreaterThan(1);
    assertThat(ResidentMemory.mebibytes(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
