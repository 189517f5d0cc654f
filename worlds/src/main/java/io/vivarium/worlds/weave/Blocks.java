package io.vivarium.worlds.weave;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The strict parser of what a weaving agent writes in one tick (docs/weave.md): blocks of the
 * form {@code #startblock type: TYPE} … {@code #endblock}, an optional {@code orientation}, one
 * {@code action}, an optional {@code expectation}, in that order, nothing but blank lines between
 * them. The agent continues the open orientation block the observation ends with, so a text that
 * does not start with {@code #startblock} is read as that block's body. Anything else is a
 * {@link Malformed} tick whose message names the block, the rule and the fix; the parser never
 * throws on its input. Stateless; thread-safe.
 */
public final class Blocks {
  /** The line that opens a block of {@code type}: {@code #startblock type: TYPE}. */
  public static final String START = "#startblock type: ";
  /** The line that closes a block. */
  public static final String END = "#endblock";
  /** The types an agent writes, in the order a tick holds them. */
  public static final List<String> WRITTEN = List.of("orientation", "action", "expectation");
  /** The types the world writes. */
  public static final List<String> ANSWERED = List.of("observation", "evaluation");
  /** The most UTF-8 bytes of one block's body. */
  public static final int MAX_BODY = 1024;

  private Blocks() {}

  /** What a tick's text parsed to. */
  public sealed interface Parsed permits Tick, Malformed {}

  /** A well-formed tick: its blocks in order, the action among them. */
  public record Tick(List<Block> blocks) implements Parsed {
    public Tick {
      blocks = List.copyOf(blocks);
    }

    /** The action block's body. */
    public String action() {
      return blocks.stream().filter(b -> b.type().equals("action")).findFirst().orElseThrow().body();
    }
  }

  /** A malformed tick: what is wrong, in one line naming the block, the rule and the fix. */
  public record Malformed(String problem) implements Parsed {
    public Malformed {
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** One parsed block: its type and body (without the start and end lines, trailing newline cut). */
  public record Block(String type, String body) {
    public Block {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(body, "body");
    }
  }

  /** Parses {@code bytes}, the agent's continuation of an open orientation block (or whole blocks). */
  public static Parsed parse(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    if (r.isError() || r.isUnderflow() && in.hasRemaining()) {
      return new Malformed(String.format(Locale.ROOT, "the tick is not UTF-8 text: byte 0x%02x at offset %d starts no"
          + " valid character; write blocks of UTF-8 text", bytes[in.position()] & 0xff, in.position()));
    }
    String text = out.flip().toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
        return new Malformed(String.format(Locale.ROOT, "the tick holds the control byte 0x%02x at character %d;"
            + " write blocks of printable text, lines ended by \\n", (int) c, i));
      }
    }
    int shift = 0;
    if (!text.startsWith("#startblock")) {
      text = START + "orientation\n" + text;
      shift = 1; // line numbers count the agent's own lines
    }
    return blocks(text.lines().toList(), shift);
  }

  private static Parsed blocks(List<String> lines, int shift) {
    List<Block> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank()) {
        i++;
        continue;
      }
      int n = out.size() + 1;
      if (!line.startsWith(START)) {
        return new Malformed("line " + (i + 1 - shift) + " is outside any block: '" + cut(line) + "'; write every line inside"
            + " #startblock type: TYPE … #endblock");
      }
      String type = line.substring(START.length()).strip();
      if (ANSWERED.contains(type)) {
        return new Malformed("block " + n + " is of type " + type + ", which the world writes, not the agent;"
            + " write only " + WRITTEN);
      }
      if (!WRITTEN.contains(type)) {
        return new Malformed("block " + n + " has the unknown type '" + cut(type) + "'; the types an agent writes are "
            + WRITTEN);
      }
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals(END)) {
        if (lines.get(end).startsWith(START)) {
          return new Malformed("block " + n + " (" + type + ") has no #endblock before the next #startblock at line "
              + (end + 1 - shift) + "; close every block with a line #endblock");
        }
        end++;
      }
      if (end == lines.size()) {
        return new Malformed("block " + n + " (" + type + ") has no #endblock; close every block with a line #endblock");
      }
      String body = String.join("\n", lines.subList(i + 1, end));
      int size = body.getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_BODY) {
        return new Malformed("block " + n + " (" + type + ") is " + size + " bytes; a block holds at most " + MAX_BODY
            + " bytes, write it shorter");
      }
      out.add(new Block(type, body));
      i = end + 1;
    }
    return order(out);
  }

  /** Checks the order: each type at most once, as {@link #WRITTEN} lists them, an action among them. */
  private static Parsed order(List<Block> blocks) {
    int last = -1;
    for (int n = 0; n < blocks.size(); n++) {
      Block b = blocks.get(n);
      int at = WRITTEN.indexOf(b.type());
      if (at <= last) {
        return new Malformed("block " + (n + 1) + " (" + b.type() + ") is out of order; a tick holds at most one of"
            + " each type, in the order " + WRITTEN);
      }
      last = at;
    }
    Block action = blocks.stream().filter(b -> b.type().equals("action")).findFirst().orElse(null);
    if (action == null) {
      return new Malformed("the tick has no action block; write #startblock type: action, a tool call, #endblock");
    }
    if (action.body().isBlank()) {
      return new Malformed("the action block is empty; its first word names a tool");
    }
    return new Tick(blocks);
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  /** The text of a block as the observation and the zookeeper show it, header lines included. */
  public static String render(String type, List<String> header, String body) {
    StringBuilder b = new StringBuilder(START).append(type).append('\n');
    header.forEach(h -> b.append(h).append('\n'));
    b.append(body);
    if (!body.isEmpty() && !body.endsWith("\n")) {
      b.append('\n');
    }
    return b.append(END).append('\n').toString();
  }
}
