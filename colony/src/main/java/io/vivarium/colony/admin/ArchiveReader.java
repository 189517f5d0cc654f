package io.vivarium.colony.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an agent archive and checks it whole before anything is imported: the tar headers, the
 * manifest's magic and format, that every entry the format needs is there, and every entry's
 * SHA-256 against the manifest (format 2) or the brain's (format 1). Each refusal is one line
 * naming the file, the entry and the fix.
 *
 * <p>Stateless; thread-safe.
 */
final class ArchiveReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> MANIFEST_KEYS = List.of("agent", "step", "fitness", "world", "brain_spec");

  private ArchiveReader() {}

  /**
   * A checked archive.
   *
   * @param file where it was read from
   * @param format its format, 1 (brain only) or {@value AgentArchive#FORMAT}
   * @param manifest its manifest
   * @param entries every entry by name, in archive order
   */
  record Contents(Path file, int format, JsonNode manifest, Map<String, byte[]> entries) {
    byte[] entry(String name) {
      return entries.get(name);
    }
  }

  /** Reads and checks {@code file}; throws {@link IllegalArgumentException} naming what is wrong. */
  static Contents read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(file + " is a directory; give a .tar written by 'vivarium export'");
    }
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(file)) {
      entries = Tar.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no file " + file + "; give a .tar written by 'vivarium export'");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; give a .tar written by 'vivarium export'", e);
    }
    JsonNode m = manifest(entries, file);
    int format = m.path("format").asInt(-1);
    if (format == 1) {
      checkFormat1(entries, m, file);
    } else {
      checkEntries(entries, m, file);
    }
    return new Contents(file, format, m, entries);
  }

  private static JsonNode manifest(Map<String, byte[]> entries, Path file) {
    if (entries.isEmpty() || !entries.keySet().iterator().next().equals(AgentArchive.MANIFEST)) {
      throw new IllegalArgumentException(file + " is not a vivarium agent export: its first entry is not "
          + AgentArchive.MANIFEST + "; give a .tar written by 'vivarium export'");
    }
    JsonNode m;
    try {
      m = JSON.readTree(entries.get(AgentArchive.MANIFEST));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is damaged: " + AgentArchive.MANIFEST + " is not JSON ("
          + e.getMessage() + ")");
    }
    if (!m.path("magic").asText().equals(AgentArchive.MAGIC)) {
      throw new IllegalArgumentException(file + " is not a vivarium agent export: manifest magic is '"
          + m.path("magic").asText() + "', expected '" + AgentArchive.MAGIC + "'");
    }
    int format = m.path("format").asInt(-1);
    if (format != 1 && format != AgentArchive.FORMAT) {
      throw new IllegalArgumentException(file + " has agent export format " + m.path("format")
          + "; this vivarium reads formats 1 and " + AgentArchive.FORMAT
          + " (import it with the vivarium that wrote it, or a newer one)");
    }
    for (String key : MANIFEST_KEYS) {
      if (m.path(key).isMissingNode() || m.path(key).isNull()) {
        throw new IllegalArgumentException(file + " is damaged: its manifest lacks '" + key + "'");
      }
    }
    return m;
  }

  /** Format 1: fixed entries, only the brain hashed. */
  private static void checkFormat1(Map<String, byte[]> entries, JsonNode m, Path file) {
    for (String e : AgentArchive.ENTRIES_1) {
      if (!entries.containsKey(e)) {
        throw new IllegalArgumentException(file + " is damaged: it lacks entry " + e);
      }
    }
    checkHash(file, "brain.bin", entries.get("brain.bin"), m.path("sha256").asText());
  }

  /** Format 2: the manifest lists every other entry with its size and SHA-256; nothing more, nothing less. */
  private static void checkEntries(Map<String, byte[]> entries, JsonNode m, Path file) {
    Set<String> listed = new LinkedHashSet<>();
    for (JsonNode e : m.path("entries")) {
      String name = e.path("name").asText();
      listed.add(name);
      byte[] data = entries.get(name);
      if (data == null) {
        throw new IllegalArgumentException(file + " is damaged: it lacks entry " + name
            + " (truncated?); export the agent again");
      }
      if (data.length != e.path("bytes").asLong(-1)) {
        throw new IllegalArgumentException(file + " is damaged: entry " + name + " holds " + data.length
            + " bytes, its manifest says " + e.path("bytes") + "; export the agent again");
      }
      checkHash(file, name, data, e.path("sha256").asText());
    }
    List<String> missing = new ArrayList<>(AgentArchive.ENTRIES);
    missing.remove(AgentArchive.MANIFEST);
    missing.removeAll(listed);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + " is damaged: its manifest does not list " + missing);
    }
    for (String name : entries.keySet()) {
      if (!name.equals(AgentArchive.MANIFEST) && !listed.contains(name)) {
        throw new IllegalArgumentException(file + " is damaged: entry " + name + " is not in its manifest");
      }
    }
  }

  private static void checkHash(Path file, String name, byte[] data, String expected) {
    String actual = HexFormat.of().formatHex(sha256(data));
    if (!actual.equals(expected)) {
      throw new IllegalArgumentException(file + " is damaged: entry " + name + " does not hash to its SHA-256 in "
          + AgentArchive.MANIFEST + " (" + shortHash(expected) + ", got " + shortHash(actual)
          + "); export the agent again");
    }
  }

  private static String shortHash(String hex) {
    return hex.length() > 12 ? hex.substring(0, 12) + "…" : "'" + hex + "'";
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
