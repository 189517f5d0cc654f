package io.vivarium.colony.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ustar writer and reader: round trip, the system's tar reads it, damage is refused. */
class TarTest {
  @TempDir Path dir;

  private static Map<String, byte[]> entries() {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("manifest.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    e.put("brain.bin", new byte[1500]);
    e.put("empty.txt", new byte[0]);
    return e;
  }

  @Test
  void roundTripKeepsOrderAndContent() throws Exception {
    byte[] tar = Tar.toBytes(entries());
    assertThat(tar.length % 512).isZero();
    Map<String, byte[]> back = Tar.read(new ByteArrayInputStream(tar), "t.tar");
    assertThat(back.keySet()).containsExactly("manifest.json", "brain.bin", "empty.txt");
    assertThat(back.get("brain.bin")).isEqualTo(new byte[1500]);
  }

  @Test
  void theSystemTarListsIt() throws Exception {
    Path f = dir.resolve("t.tar");
    Files.write(f, Tar.toBytes(entries()));
    Process p = new ProcessBuilder("tar", "tf", f.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(listing).isZero();
    assertThat(listing.lines()).containsExactly("manifest.json", "brain.bin", "empty.txt");
  }

  @Test
  void damageIsRefusedByName() throws Exception {
    byte[] tar = Tar.toBytes(entries());
    byte[] flipped = tar.clone();
    flipped[10] ^= 1; // a name byte: the checksum no longer matches
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(flipped), "x.tar"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.tar").hasMessageContaining("checksum");
    byte[] cut = java.util.Arrays.copyOf(tar, 1024);
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(cut), "x.tar")).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), "x.tar"))
        .hasMessageContaining("not a sound tar archive");
  }
}
