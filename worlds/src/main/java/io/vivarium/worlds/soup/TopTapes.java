package io.vivarium.worlds.soup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The most frequent tapes of a soup. Stateless. */
public final class TopTapes {
  private TopTapes() {}

  /**
   * One distinct tape.
   *
   * @param tape its 64 bytes
   * @param count how many tapes of the soup equal it
   * @param firstIndex the lowest index of a tape equal to it
   */
  public record Entry(byte[] tape, int count, int firstIndex) {
    public Entry {
      if (tape.length != Bff.TAPE || count < 1 || firstIndex < 0) {
        throw new IllegalArgumentException("a frequent tape needs 64 bytes, a count >= 1 and an index >= 0; got "
            + tape.length + " bytes, count " + count + ", index " + firstIndex);
      }
      tape = tape.clone();
    }

    @Override
    public byte[] tape() {
      return tape.clone();
    }

    /** The tape as text: instructions as themselves, byte 0 as {@code 0}, every other byte as {@code ·}. */
    public String text() {
      StringBuilder sb = new StringBuilder(Bff.TAPE);
      for (byte b : tape) {
        sb.append(b == 0 ? '0' : Bff.isInstruction(b) ? (char) b : '·');
      }
      return sb.toString();
    }
  }

  /** The {@code k} most frequent tapes, most frequent first (ties: lower first index first). */
  public static List<Entry> of(byte[] soup, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("the number of frequent tapes must be >= 0; got " + k);
    }
    Map<ByteBuffer, int[]> counts = new HashMap<>();
    int n = soup.length / Bff.TAPE;
    for (int i = 0; i < n; i++) {
      int[] c = counts.computeIfAbsent(ByteBuffer.wrap(soup, i * Bff.TAPE, Bff.TAPE).slice(), x -> new int[] {0, -1});
      if (c[0]++ == 0) {
        c[1] = i;
      }
    }
    List<int[]> all = new ArrayList<>(counts.values());
    all.sort(Comparator.<int[]>comparingInt(c -> -c[0]).thenComparingInt(c -> c[1]));
    List<Entry> top = new ArrayList<>(Math.min(k, all.size()));
    for (int[] c : all.subList(0, Math.min(k, all.size()))) {
      byte[] tape = new byte[Bff.TAPE];
      System.arraycopy(soup, c[1] * Bff.TAPE, tape, 0, Bff.TAPE);
      top.add(new Entry(tape, c[0], c[1]));
    }
    return top;
  }
}
