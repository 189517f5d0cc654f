package io.vivarium.lab.soup;

import io.vivarium.core.world.Image;
import io.vivarium.worlds.soup.SelfRep;
import io.vivarium.worlds.soup.SoupCheckpoint;
import io.vivarium.worlds.soup.SoupRandom;
import io.vivarium.worlds.soup.SoupRun;
import io.vivarium.worlds.soup.TopTapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A soup's newest verified checkpoint as the zookeeper shows it: its bytes drawn as cubff draws
 * them ({@link SoupColours}) in tape order or grouped by frequency, and its most frequent tapes
 * with the self-replicator test {@code vivarium soup} applies. Reads the files a running
 * {@code vivarium soup} writes and never touches its process. Immutable after construction;
 * thread-safe.
 */
public final class SoupView {
  /** The most rows one picture may hold (2^17 tapes are never drawn whole). */
  public static final int MAX_ROWS = 4096;
  /** The most frequent tapes listed at most. */
  public static final int MAX_TOP = 64;
  /** The checkpoint's file name in a soup's directory. */
  public static final String CHECKPOINT = SoupRun.CHECKPOINT;

  private final Path checkpoint;
  private final SoupCheckpoint.Loaded loaded;
  private final int[] byFrequency;

  private SoupView(Path checkpoint, SoupCheckpoint.Loaded loaded) {
    this.checkpoint = checkpoint;
    this.loaded = loaded;
    this.byFrequency = frequencyOrder(loaded.bytes());
  }

  /**
   * The soup checkpointed in {@code dir} ({@code DIR/soup.ckpt}), or empty when there is none.
   *
   * @throws IllegalArgumentException when the checkpoint is damaged (the message names it)
   */
  public static Optional<SoupView> open(Path dir) throws IOException {
    Path file = dir.resolve(CHECKPOINT);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(new SoupView(file, SoupCheckpoint.load(file)));
  }

  /** The checkpoint file read. */
  public Path checkpoint() {
    return checkpoint;
  }

  /** Epochs the checkpointed soup had run. */
  public long epoch() {
    return loaded.epoch();
  }

  /** Tapes in the soup. */
  public int size() {
    return loaded.options().size();
  }

  /** The soup's root seed. */
  public long seed() {
    return loaded.options().seed();
  }

  /** How rows are chosen for a picture. */
  public enum Order {
    /** Tapes {@code from, from + 1, …} as they lie in the soup. */
    INDEX,
    /** Every tape, the copies of the most frequent tape first, then the next, … (equal tapes adjacent). */
    FREQUENT;

    /** {@code index} or {@code frequent}; another name is refused naming both. */
    public static Order of(String name) {
      return switch (name) {
        case "index" -> INDEX;
        case "frequent" -> FREQUENT;
        default -> throw new IllegalArgumentException("soup picture order must be index or frequent; got '" + name
            + "'");
      };
    }
  }

  /**
   * Rows {@code from} to {@code from + rows - 1} (clipped to the soup) in {@code order}, every byte
   * {@code scale} pixels square.
   */
  public Image image(Order order, int from, int rows, int scale) {
    if (from < 0 || from >= size() || rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("soup picture rows: from must be in [0, " + (size() - 1) + "] and rows in [1, "
          + MAX_ROWS + "]; got from " + from + ", rows " + rows);
    }
    int n = Math.min(rows, size() - from);
    int[] tapes = new int[n];
    for (int i = 0; i < n; i++) {
      tapes[i] = order == Order.INDEX ? from + i : byFrequency[from + i];
    }
    return SoupColours.draw(loaded.bytes(), tapes, scale);
  }

  /**
   * One frequent tape.
   *
   * @param count its copies in the soup
   * @param firstIndex the lowest index of a copy
   * @param text instructions as themselves, 0 as {@code 0}, other bytes as {@code ·}
   * @param hex its 64 bytes in hex
   * @param score the self-replicator score (cubff's test, as {@code vivarium soup} seeds it)
   * @param replicator whether the score reaches cubff's threshold
   */
  public record Tape(int count, int firstIndex, String text, String hex, int score, boolean replicator) {}

  /** The {@code k} most frequent distinct tapes (at most {@link #MAX_TOP}), most frequent first. */
  public List<Tape> top(int k) {
    if (k < 0 || k > MAX_TOP) {
      throw new IllegalArgumentException("frequent tapes: k must be in [0, " + MAX_TOP + "]; got " + k);
    }
    SoupRandom random = new SoupRandom(seed());
    List<Tape> out = new ArrayList<>();
    for (TopTapes.Entry e : TopTapes.of(loaded.bytes(), k)) {
      int score = SelfRep.score(e.tape(), SelfRep.localSeed(random, epoch(), size(), e.firstIndex()));
      out.add(new Tape(e.count(), e.firstIndex(), e.text(), java.util.HexFormat.of().formatHex(e.tape()), score,
          score >= SelfRep.THRESHOLD));
    }
    return out;
  }

  /** Tape indices grouped by equal content, groups by falling count (ties: lower first index first). */
  static int[] frequencyOrder(byte[] soup) {
    int n = soup.length / SoupColours.TAPE;
    Map<ByteBuffer, Integer> ids = new HashMap<>();
    int[] group = new int[n];
    int[] count = new int[n];
    int[] first = new int[n];
    for (int i = 0; i < n; i++) {
      int g = ids.computeIfAbsent(ByteBuffer.wrap(soup, i * SoupColours.TAPE, SoupColours.TAPE).slice(), b -> ids.size());
      if (count[g]++ == 0) {
        first[g] = i;
      }
      group[i] = g;
    }
    Integer[] groups = new Integer[ids.size()];
    Arrays.setAll(groups, g -> g);
    Arrays.sort(groups, (a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a])
        : Integer.compare(first[a], first[b]));
    int[] start = new int[groups.length];
    for (int r = 0, at = 0; r < groups.length; r++) {
      start[groups[r]] = at;
      at += count[groups[r]];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[group[i]]++] = i;
    }
    return order;
  }
}
