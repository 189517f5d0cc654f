package io.vivarium.worlds.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads facts files: one fact a line, {@code subject | relation | value}; blank lines and lines
 * starting with {@code #} are skipped; a later line with the same subject and relation replaces
 * the earlier one. Stateless and thread-safe.
 */
public final class FactFile {
  /** The rule every fact line follows, as error messages state it. */
  static final String RULE = "a fact line is 'subject | relation | value': three non-blank parts separated by '|'"
      + " (subject and relation at most 120 characters, the value at most " + ChatWorld.ANSWER_BYTES + " UTF-8 bytes, an answer's length)";

  private FactFile() {}

  /** The facts of {@code file}; a malformed line is an IllegalArgumentException naming file and line. */
  public static List<ChatFact> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("facts file " + file + " does not exist; world.chat.facts must name a file"
          + " of lines 'subject | relation | value'");
    }
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read facts file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The facts of {@code lines}, read from {@code source} (named in errors). */
  public static List<ChatFact> parse(String source, List<String> lines) {
    Map<String, ChatFact> facts = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      ChatFact f = line(source, n + 1, line);
      facts.put(f.key(), f);
    }
    if (facts.isEmpty()) {
      throw new IllegalArgumentException("facts file " + source + " holds no facts; add lines 'subject | relation | value'");
    }
    return new ArrayList<>(facts.values());
  }

  private static ChatFact line(String source, int number, String line) {
    String[] parts = line.split("\\|", -1);
    String where = "facts file " + source + " line " + number + " '" + line + "': ";
    if (parts.length != 3) {
      throw new IllegalArgumentException(where + RULE + "; found " + parts.length + " part(s); write it as e.g. "
          + "'Freedonia | capital | Fenwick' (a '|' inside a value is not allowed)");
    }
    String subject = parts[0].strip();
    String relation = parts[1].strip();
    String value = parts[2].strip();
    if (subject.isEmpty() || relation.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException(where + RULE + "; a part is blank; fill in the subject, relation and value");
    }
    int valueBytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (subject.length() > 120 || relation.length() > 120 || valueBytes > ChatWorld.ANSWER_BYTES) {
      throw new IllegalArgumentException(where + RULE + "; a part is too long; shorten it (answers are short)");
    }
    return new ChatFact(subject, relation, value);
  }
}
