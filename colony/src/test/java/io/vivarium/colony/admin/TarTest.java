package io.vivarium.colony.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ustar writer and reader (on Commons Compress): round trip, the system's tar reads it and
 * writes what it reads, and the strict checks: damage, truncation, oversized entries, names
 * that climb out, links and duplicates are refused by name.
 */
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

  @Test
  void readsWhatTheSystemTarWrites() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.writeString(src.resolve("manifest.json"), "{}");
    Files.write(src.resolve("brain.bin"), new byte[700]);
    Path f = dir.resolve("sys.tar");
    Process p = new ProcessBuilder("tar", "--format=ustar", "-cf", f.toString(), "-C", src.toString(),
        "manifest.json", "brain.bin").redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(said).isZero();
    Map<String, byte[]> back = Tar.read(Files.newInputStream(f), "sys.tar");
    assertThat(back.keySet()).containsExactly("manifest.json", "brain.bin");
    assertThat(back.get("brain.bin")).hasSize(700);
  }

  @Test
  void namesThatClimbOutOrDoNotFitAreRefused() throws Exception {
    for (String bad : new String[] {"../evil", "a/../../evil", "/etc/passwd", "./x", "sp ace", "x".repeat(100)}) {
      Map<String, byte[]> one = Map.of(bad, new byte[1]);
      assertThatThrownBy(() -> Tar.toBytes(one)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tar entry name must be");
      byte[] tar = raw(bad, TarConstants.LF_NORMAL, new byte[1], bad);
      assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(tar), "evil.tar")).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evil.tar")
          .hasMessageContaining("names must be");
    }
  }

  @Test
  void linksAndDuplicatesAreRefused() throws Exception {
    byte[] link = raw("brain.bin", TarConstants.LF_SYMLINK, new byte[0], null);
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(link), "l.tar"))
        .hasMessageContaining("l.tar").hasMessageContaining("link");
    byte[] twice = raw("a.bin", TarConstants.LF_NORMAL, new byte[3], "a.bin");
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(twice), "d.tar"))
        .hasMessageContaining("d.tar").hasMessageContaining("appears twice");
  }

  @Test
  void anEntryClaimingMoreThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
    byte[] tar = Tar.toBytes(Map.of("brain.bin", new byte[10]));
    String size = String.format("%011o", Tar.MAX_ENTRY + 1);
    System.arraycopy(size.getBytes(StandardCharsets.US_ASCII), 0, tar, 124, 11);
    resum(tar, 0);
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(tar), "big.tar"))
        .hasMessageContaining("big.tar").hasMessageContaining("over the limit");
  }

  @Test
  void aHeaderWithoutMagicOrCutInsideAnEntryIsRefused() throws Exception {
    byte[] tar = Tar.toBytes(entries());
    byte[] plain = tar.clone();
    java.util.Arrays.fill(plain, 257, 265, (byte) 0);
    resum(plain, 0);
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(plain), "m.tar")).hasMessageContaining("magic");
    byte[] inside = java.util.Arrays.copyOf(tar, 1024 + 512 + 700); // brain.bin is 1500 bytes
    assertThatThrownBy(() -> Tar.read(new ByteArrayInputStream(inside), "c.tar"))
        .hasMessageContaining("c.tar").hasMessageContaining("runcated");
    assertThat(Tar.read(new ByteArrayInputStream(new byte[1024]), "empty.tar")).isEmpty();
  }

  /** An archive written by the library itself, past our writer's checks: {@code name}, then {@code second}. */
  private static byte[] raw(String name, byte type, byte[] data, String second) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, name, type, data);
      if (second != null) {
        put(tar, second, TarConstants.LF_NORMAL, data);
      }
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String name, byte type, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    if (type == TarConstants.LF_SYMLINK) {
      e.setLinkName("/etc/passwd");
    } else {
      e.setSize(data.length);
    }
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** Recomputes the checksum of the header at {@code off} after a test changed it. */
  private static void resum(byte[] tar, int off) {
    java.util.Arrays.fill(tar, off + 148, off + 156, (byte) ' ');
    long sum = 0;
    for (int i = off; i < off + 512; i++) {
      sum += tar[i] & 0xFF;
    }
    byte[] s = String.format("%06o\0", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, tar, off + 148, s.length);
  }
}
