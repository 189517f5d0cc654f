package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Disassembly by Debian's objdump (binutils, installed by test.sh): listing, rule, missing tool, clean-up. */
class DisassemblyTest {
  static final byte[] GETPID = {(byte) 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05}; // mov $0x27,%eax; syscall

  @TempDir Path tmp;

  @Test
  void listsTheInstructionsOfMachineCodeAndLeavesNoFile() throws Exception {
    String listing = new Disassembly("objdump", tmp).of(GETPID);
    assertThat(listing).contains("mov", "$0x27,%eax", "syscall").doesNotContain("file format", "<.data>");
    assertThat(listing.lines()).hasSize(2);
    assertThat(new Disassembly("objdump", tmp).of(new byte[0])).isEmpty();
    try (var files = Files.list(tmp)) {
      assertThat(files).as("temporary files deleted").isEmpty();
    }
  }

  @Test
  void aMissingObjdumpIsAClearLineNotAnError() throws Exception {
    assertThat(new Disassembly(tmp.resolve("no-objdump").toString(), tmp).of(GETPID))
        .isEqualTo("objdump not installed (apt install binutils)");
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void onlyExecPresetsButTheShellOnesAreMachineCode() {
    assertThat(Disassembly.machineCode("exec-machine-64")).isTrue();
    assertThat(Disassembly.machineCode("exec-machine-256-live")).isTrue();
    assertThat(Disassembly.machineCode("exec-shell-256")).isFalse();
    assertThat(Disassembly.machineCode("gold-bare-6x6")).isFalse();
  }
}
