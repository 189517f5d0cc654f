package io.vivarium.core;

import static org.assertj.core.api.Assertions.assertThat;

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
  void aStreamedWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("export.csv");
    AtomicFile.write(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("old");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write(new byte[100_000]);
      throw new java.io.IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("export.csv");
    }
  }
}
