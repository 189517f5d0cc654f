package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A soup written, verified and resumed. */
class SoupCheckpointTest {
  @TempDir Path dir;

  private static SoupOptions options(int threads) {
    return new SoupOptions(512, 21, threads, SoupOptions.DEFAULT_MUTATION, false);
  }

  @Test
  void resumingGivesTheBytesOfAnUninterruptedRun() throws Exception {
    byte[] straight;
    try (Soup soup = Soup.create(options(1), Bff.reference())) {
      for (int e = 0; e < 10; e++) {
        soup.step();
      }
      straight = soup.bytes().clone();
    }
    Path file = dir.resolve("soup.ckpt");
    try (Soup soup = Soup.create(options(2), Bff.reference())) {
      for (int e = 0; e < 4; e++) {
        soup.step();
      }
      SoupCheckpoint.write(file, soup);
    }
    SoupCheckpoint.Loaded loaded = SoupCheckpoint.load(file);
    assertThat(loaded.epoch()).isEqualTo(4);
    assertThat(loaded.options()).isEqualTo(options(1));
    try (Soup soup = loaded.resume(Bff.reference(), 3)) {
      while (soup.epoch() < 10) {
        soup.step();
      }
      assertThat(soup.bytes()).isEqualTo(straight);
    }
    assertThat(dir.toFile().list()).containsExactly("soup.ckpt"); // no temporary file left
  }

  @Test
  void damagedFilesAreRefusedNamingTheFile() throws Exception {
    Path file = dir.resolve("soup.ckpt");
    try (Soup soup = Soup.create(options(1), Bff.reference())) {
      SoupCheckpoint.write(file, soup);
    }
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[100] ^= 1;
    Files.write(file, flipped);
    assertThatThrownBy(() -> SoupCheckpoint.load(file)).hasMessageContaining(file.toString())
        .hasMessageContaining("checksum");

    Files.write(file, java.util.Arrays.copyOf(good, good.length - 10));
    assertThatThrownBy(() -> SoupCheckpoint.load(file)).hasMessageContaining("truncated");

    Files.writeString(file, "hello");
    assertThatThrownBy(() -> SoupCheckpoint.load(file)).hasMessageContaining("not a soup checkpoint");

    assertThatThrownBy(() -> SoupCheckpoint.load(dir.resolve("missing"))).hasMessageContaining("no soup checkpoint");
  }
}
