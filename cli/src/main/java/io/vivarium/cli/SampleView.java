package io.vivarium.cli;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code vivarium world NAME --sample} for worlds without a view of their own: the first
 * observation's channels, then a few steps with seeded random actions (or given bytes), each
 * with its reward and the world's step {@code info} entries (the exec world's decoded outcome,
 * histogram and reward terms) and the text it shows, escaped. Not thread-safe; one per command.
 */
final class SampleView {
  /** Most text bytes shown per step. */
  static final int TEXT_CAP = 256;
  private final PrintWriter out;

  SampleView(PrintWriter out) {
    this.out = out;
  }

  /** Resets {@code w} with {@code seed} and takes {@code steps} steps, printing each. */
  void run(World w, long seed, int steps, byte[] given) {
    Observation o = w.reset(seed);
    o.channels().forEach((c, bytes) -> out.println("== " + c.key() + " ==\n"
        + (c == Channel.TEXT ? new String(bytes, StandardCharsets.UTF_8) : bytes.length + " bytes")));
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED5EEDL);
    for (int i = 1; i <= steps; i++) {
      byte[] bytes = given != null ? given : randomAction(w.spec(), rng);
      Step s = w.step(w.spec().actionChannel() == Channel.TEXT ? Action.text(bytes) : Action.motor(bytes));
      out.println("== step " + i + " ==");
      out.println("action: " + bytes.length + " bytes " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64))
          + (bytes.length > 64 ? "…" : ""));
      out.println(String.format(Locale.ROOT, "reward: %.4f%s", s.reward(), s.done() ? " (episode over)" : ""));
      new TreeMap<>(s.info()).forEach((k, v) -> out.println(k + ":" + (v.isEmpty() ? " (none)"
          : v.contains("\n") ? "\n  " + v.replace("\n", "\n  ") : " " + v)));
      byte[] text = s.observation().bytes(Channel.TEXT);
      out.println("text (" + text.length + " bytes): " + escape(text, TEXT_CAP));
      if (s.done()) {
        break;
      }
    }
  }

  /** Seeded random action bytes: from the alphabet when the world has one. */
  private static byte[] randomAction(Spec spec, SplittableRandom rng) {
    byte[] a = new byte[spec.actionBytes()];
    byte[] alphabet = spec.actionAlphabet();
    for (int i = 0; i < a.length; i++) {
      a[i] = alphabet.length > 0 ? alphabet[rng.nextInt(alphabet.length)] : (byte) rng.nextInt(256);
    }
    return a;
  }

  /** Printable ASCII as is, {@code \n}, {@code \t}, {@code \\} and {@code \xHH} for the rest; at most {@code cap} bytes. */
  static String escape(byte[] bytes, int cap) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, cap); i++) {
      int c = bytes[i] & 0xFF;
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\\' -> b.append("\\\\");
        default -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
      }
    }
    return bytes.length > cap ? b.append("…").toString() : b.toString();
  }
}
