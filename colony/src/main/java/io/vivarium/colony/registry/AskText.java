package io.vivarium.colony.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The rules a person's question meets wherever it enters (command line, zookeeper, bus): not
 * empty, at most {@link #MAX_BYTES} UTF-8 bytes, valid UTF-8, addressed to an agent id, any
 * agent or every agent. Each refusal is one line naming the input, the rule and the fix.
 * Stateless; thread-safe.
 */
public final class AskText {
  /** The most UTF-8 bytes one question may have (a talk request's limit too). */
  public static final int MAX_BYTES = 1000;

  private AskText() {}

  /**
   * Checks {@code text} from {@code input} (e.g. {@code cli}, {@code zoo}, {@code bus}).
   *
   * @return the text
   * @throws IllegalArgumentException naming the input, the rule and the fix
   */
  public static String check(String text, String input) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the question from " + input + " is empty; an ask needs 1-" + MAX_BYTES
          + " UTF-8 bytes of text: type a question");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException("the question from " + input + " must be at most " + MAX_BYTES
          + " UTF-8 bytes; got " + bytes + " bytes; shorten it");
    }
    return text;
  }

  /** As {@link #check(String, String)} for raw bytes (the bus), which must also be valid UTF-8. */
  public static String decode(byte[] bytes, String input) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("the question from " + input + " must be at most " + MAX_BYTES
          + " UTF-8 bytes; got " + bytes.length + " bytes; shorten it");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the question from " + input + " must be valid UTF-8; got " + bytes.length
          + " bytes that are not; send it as UTF-8 text");
    }
    return check(text, input);
  }

  /** Checks an ask's addressee: an agent id, {@code ""} (any agent) or {@code "*"} (every live agent). */
  public static String agent(String agent) {
    if (agent == null || agent.equals(AskRow.ANY) || agent.equals(AskRow.EVERY)) {
      return agent == null ? AskRow.ANY : agent;
    }
    AgentRow.checkId(agent);
    return agent;
  }
}
