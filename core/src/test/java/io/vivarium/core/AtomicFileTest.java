package io.vivarium.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesReplacesCreatesTheDirectoryAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("a/b/queue.json");
    AtomicFile.write(target, "old".getBytes(StandardCharsets.UTF_8));
    AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("new");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("queue.json");
    }
  }

  @Test
  void aStreamedWriteThatFailsHalfwayLeavesTheOldFile() throws Exception {
    Path target = dir.resolve("brain.safetensors");
    AtomicFile.write(target, out -> out.write("whole".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("whole");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new java.io.IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("whole");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("brain.safetensors");
    }
  }
}
