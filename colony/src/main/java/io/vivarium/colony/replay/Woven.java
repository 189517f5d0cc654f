package io.vivarium.colony.replay;

import io.vivarium.colony.registry.BlockRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A weaving agent's recorded ticks played back as seed 004 writes them (docs/weave.md): each
 * block as {@code #startblock type: X}, {@code #timestamp} (seconds), its body and
 * {@code #endblock}, under a line with the tick's episode, step, reward and whether it parsed.
 * The blocks are the record itself, so the playback is exact. Stateless; thread-safe.
 */
public final class Woven {
  private Woven() {}

  /** Whether {@code agent} has recorded blocks (it weaves). */
  public static boolean weaves(Registry registry, String agent) {
    return !registry.blocks(agent, 1).isEmpty();
  }

  /** The agent's newest {@code ticks} ticks, oldest first, each a list of its blocks in order. */
  public static List<List<BlockRow>> ticks(Registry registry, String agent, int ticks) {
    if (ticks < 1 || ticks > 1000) {
      throw new IllegalArgumentException("--ticks must be between 1 and 1000; got " + ticks);
    }
    List<List<BlockRow>> out = new ArrayList<>();
    for (BlockRow b : registry.blocks(agent, Math.min(Registry.KEEP_BLOCKS, ticks * 8))) { // newest first
      List<BlockRow> last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null || last.get(0).tick() != b.tick() || last.get(0).step() != b.step()) {
        if (out.size() == ticks) {
          break;
        }
        last = new ArrayList<>();
        out.add(last);
      }
      last.add(0, b);
    }
    return out.reversed();
  }

  /** One tick as text: its summary line, then its blocks in the seed's form. */
  public static String text(List<BlockRow> tick) {
    BlockRow first = tick.get(0);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "## tick #%d · episode %d · step %d · reward %.4f · %s%n",
        first.tick(), first.episode(), first.step(), first.reward(), first.wellFormed() ? "well-formed" : "malformed"));
    for (BlockRow r : tick) {
      b.append("#startblock type: ").append(r.type()).append('\n');
      b.append("#timestamp ").append(r.timeMillis() / 1000).append('\n');
      b.append(r.text());
      if (!r.text().isEmpty() && !r.text().endsWith("\n")) {
        b.append('\n');
      }
      b.append("#endblock\n");
    }
    return b.toString();
  }
}
