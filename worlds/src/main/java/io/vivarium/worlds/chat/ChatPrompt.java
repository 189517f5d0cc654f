package io.vivarium.worlds.chat;

import io.vivarium.core.world.FactBook;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a chat agent reads before it answers, on the {@code text} channel: first the fact
 * memory's hits, one fixed-width slot each ({@code =value;key}, cut or padded with spaces to
 * {@value #HIT_BYTES} bytes with its newline), then the question, cut to its budget. Slots are
 * always all there (empty ones are spaces), so the best hit's value always starts at the second
 * byte and the question at one fixed position: copying the value is easy for a small
 * transformer. Immutable.
 *
 * @param hits the slots for fact hits (0 without the fact memory)
 * @param questionBytes the question's budget in bytes
 */
public record ChatPrompt(int hits, int questionBytes) {
  /** Bytes of one hit's slot, newline included. */
  public static final int HIT_BYTES = 48;

  public ChatPrompt {
    if (hits < 0 || questionBytes < 1) {
      throw new IllegalArgumentException("a chat prompt needs hits >= 0 and questionBytes >= 1; got " + hits
          + " and " + questionBytes);
    }
  }

  /** The text channel's budget. */
  public int textBytes() {
    return hits * HIT_BYTES + questionBytes;
  }

  /** The text channel's bytes for {@code question} after {@code found} hits (extra hits are dropped). */
  public byte[] render(List<FactBook.Fact> found, String question) {
    byte[] out = new byte[textBytes()];
    Arrays.fill(out, 0, hits * HIT_BYTES, (byte) ' ');
    for (int h = 0; h < hits; h++) {
      if (h < found.size()) {
        FactBook.Fact f = found.get(h);
        byte[] line = ("=" + f.value() + ";" + f.key()).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(line, 0, out, h * HIT_BYTES, Math.min(line.length, HIT_BYTES - 1));
      }
      out[(h + 1) * HIT_BYTES - 1] = '\n';
    }
    byte[] q = question.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(q.length, questionBytes);
    System.arraycopy(q, 0, out, hits * HIT_BYTES, n);
    return Arrays.copyOf(out, hits * HIT_BYTES + n);
  }
}
