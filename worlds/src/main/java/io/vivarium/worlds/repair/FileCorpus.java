package io.vivarium.worlds.repair;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus read from any UTF-8 text file, cut into passages of at most {@code passageChars}
 * characters at paragraph breaks where possible, else at line breaks, else between words.
 * Every tenth passage (indices 9, 19, …) is held out; a file of fewer than ten passages holds
 * out its last one.
 *
 * <p>Immutable and thread-safe.
 */
public final class FileCorpus implements Corpus {
  private final String name;
  private final int passageChars;
  private final List<String> train = new ArrayList<>();
  private final List<String> heldout = new ArrayList<>();

  private FileCorpus(String name, int passageChars, List<String> passages) {
    this.name = name;
    this.passageChars = passageChars;
    for (int i = 0; i < passages.size(); i++) {
      boolean held = passages.size() < 10 ? i == passages.size() - 1 : i % 10 == 9;
      (held ? heldout : train).add(passages.get(i));
    }
  }

  /** Reads {@code file}; bad input names the file, the rule and the fix. */
  public static FileCorpus read(Path file, int passageChars) {
    if (passageChars < 40 || passageChars > 100_000) {
      throw new IllegalArgumentException(
          "corpus passage length must be between 40 and 100000 characters; got " + passageChars);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "corpus file " + file + " cannot be read (" + e.getMessage() + "); name a readable file");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "corpus file " + file + " must be UTF-8 text; it is not (" + e.getMessage()
              + "); convert it, e.g. with iconv -t UTF-8");
    }
    return of(file.getFileName().toString(), text, passageChars);
  }

  /** A corpus made from {@code text} already in memory. */
  public static FileCorpus of(String name, String text, int passageChars) {
    List<String> passages = split(text.replace("\r\n", "\n").replace('\r', '\n'), passageChars);
    if (passages.size() < 2) {
      throw new IllegalArgumentException(
          "corpus " + name + " must give at least 2 passages of at most " + passageChars
              + " characters (one to train on, one held out); it gave " + passages.size()
              + "; use a longer file or a shorter passage length");
    }
    return new FileCorpus(name, passageChars, passages);
  }

  @Override
  public String name() {
    return "file(" + name + ", " + train.size() + "+" + heldout.size() + " passages)";
  }

  @Override
  public int maxPassageChars() {
    return passageChars;
  }

  @Override
  public long size(Split split) {
    return (split == Split.TRAIN ? train : heldout).size();
  }

  @Override
  public String passage(Split split, long index) {
    List<String> list = split == Split.TRAIN ? train : heldout;
    return list.get((int) Math.floorMod(index, (long) list.size()));
  }

  /** Cuts {@code text} into passages, preferring the largest natural break that fits. */
  static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String para : text.split("\n\\s*\n")) {
      String p = para.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!current.isEmpty() && current.length() + 2 + p.length() > max) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (p.length() > max) {
        cut(p, max, out, current);
      } else {
        current.append(current.isEmpty() ? "" : "\n\n").append(p);
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  /** Cuts one long paragraph at line breaks, then spaces, then anywhere. */
  private static void cut(String para, int max, List<String> out, StringBuilder current) {
    String rest = para;
    while (rest.length() > max) {
      int at = rest.lastIndexOf('\n', max);
      if (at < max / 4) {
        at = rest.lastIndexOf(' ', max);
      }
      if (at < max / 4) {
        at = SpanEdits.boundary(rest, max);
      }
      String piece = rest.substring(0, at).strip();
      if (!piece.isEmpty()) {
        out.add(piece);
      }
      rest = rest.substring(at).strip();
    }
    current.append(rest);
  }
}
