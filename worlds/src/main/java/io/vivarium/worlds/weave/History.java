package io.vivarium.worlds.weave;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * One weaving instance's recent blocks as the agent reads them: rendered blocks (no timestamps:
 * what the agent reads follows from the seed alone), the newest last, and the counters of its
 * ticks and blocks. {@link #text} is the observation: as many of the newest blocks as fit the
 * budget, then the header of the orientation block the agent continues. Not thread-safe.
 */
final class History {
  private static final int KEEP = 32;
  private final ArrayDeque<String> blocks = new ArrayDeque<>();
  private long ticks;
  private long written;

  /** Adds a rendered block. */
  void add(String rendered) {
    blocks.addLast(rendered);
    written++;
    if (blocks.size() > KEEP) {
      blocks.removeFirst();
    }
  }

  /** Forgets everything (a reset). */
  void clear() {
    blocks.clear();
    ticks = 0;
    written = 0;
  }

  /** The number of the tick about to be woven, from 1. */
  long nextTick() {
    return ticks + 1;
  }

  /** The number of the next block, from 1. */
  long nextBlock() {
    return written + 1;
  }

  /** Counts a finished tick. */
  void tickDone() {
    ticks++;
  }

  /** The line that starts the next tick's orientation, e.g. {@code # Starting tick #37 with block #333}. */
  String startLine() {
    return "# Starting tick #" + nextTick() + " with block #" + nextBlock();
  }

  /** The header the agent continues: the open orientation block of the next tick. */
  String header() {
    return Blocks.START + "orientation\n" + startLine() + "\n";
  }

  /** The newest blocks that fit in {@code budget} bytes with the header, the newest last; the newest cut to fit. */
  byte[] text(int budget) {
    byte[] header = header().getBytes(StandardCharsets.UTF_8);
    int room = budget - header.length;
    List<byte[]> kept = new ArrayList<>();
    Iterator<String> newest = blocks.descendingIterator();
    while (newest.hasNext() && room > 0) {
      byte[] b = newest.next().getBytes(StandardCharsets.UTF_8);
      if (b.length > room) {
        if (kept.isEmpty()) {
          kept.add(Arrays.copyOfRange(b, b.length - room, b.length)); // the newest block's end: what is new
        }
        break;
      }
      kept.add(b);
      room -= b.length;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(budget);
    for (int k = kept.size() - 1; k >= 0; k--) {
      out.writeBytes(kept.get(k));
    }
    out.writeBytes(header);
    return out.toByteArray();
  }
}
