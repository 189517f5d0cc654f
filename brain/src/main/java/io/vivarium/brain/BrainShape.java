package io.vivarium.brain;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.BrainConfig;
import java.util.List;
import java.util.Locale;

/**
 * The resolved dimensions of a brain: a preset's values with any configured overrides applied.
 * Stored inside every brain file, so a file alone rebuilds its model.
 *
 * @param vocab tokens in the vocabulary ({@link Vocabulary#SIZE})
 * @param channels channel embeddings (one per {@link Channel})
 * @param layers transformer blocks
 * @param heads attention heads per block
 * @param dim embedding width C
 * @param block longest token sequence (positions), excluding image patches
 * @param patch side P of a square image patch (P×P×3 values per patch)
 * @param grid longest side of the patch grid (learned row and column positions)
 * @param dropout dropout probability while training
 * @param group tokens read at one position: 1 = one token per position (a language model, byte
 *     sequences); G above 1 = the G tokens' embeddings, side by side, projected to one position
 *     ({@code group.w}), for observation prefixes read whole (one-byte actions), G times fewer
 *     positions; {@code block} counts positions
 */
public record BrainShape(
    int vocab, int channels, int layers, int heads, int dim, int block, int patch, int grid,
    double dropout, int group) {

  /** The preset names, in size order. */
  public static final List<String> PRESETS = List.of(
      "tiny", "small", "base", "nanogpt-cpu", "30m", "100m", "1b");
  /** Side of an image patch in every preset. */
  public static final int PATCH = 4;
  /** The most tokens one position may read. */
  public static final int MAX_GROUP = 64;

  /** A shape reading one token per position. */
  public BrainShape(
      int vocab, int channels, int layers, int heads, int dim, int block, int patch, int grid, double dropout) {
    this(vocab, channels, layers, heads, dim, block, patch, grid, dropout, 1);
  }

  public BrainShape {
    check("vocab", vocab, Vocabulary.SIZE, Vocabulary.SIZE);
    check("channels", channels, Channel.values().length, Channel.values().length);
    check("layers", layers, 1, 64);
    check("heads", heads, 1, 64);
    check("dim", dim, 1, 4096);
    check("block", block, 1, 8192);
    check("patch", patch, 1, 64);
    check("grid", grid, 1, 256);
    check("group", group, 1, MAX_GROUP);
    if (dim % heads != 0) {
      throw new IllegalArgumentException(
          "brain.dim must be a multiple of brain.heads; got dim " + dim + " with " + heads
              + " heads (choose e.g. dim " + (dim / heads + 1) * heads + ")");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(
          "brain.dropout must be in [0, 1); got " + dropout + " (use e.g. 0.1)");
    }
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "brain shape " + name + " must be between " + min + " and " + max + "; got " + value);
    }
  }

  /** The named preset with no overrides; an unknown name lists the known ones. */
  public static BrainShape preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> of(3, 4, 48, 128);
      case "small" -> of(5, 4, 128, 256);
      case "base" -> of(8, 8, 320, 512);
      case "nanogpt-cpu" -> of(4, 4, 128, 64);
      case "30m" -> of(10, 8, 512, 512);
      case "100m" -> of(14, 12, 768, 1024);
      case "1b" -> of(20, 16, 2048, 2048);
      default -> throw new IllegalArgumentException(
          "unknown brain preset '" + name + "'; known presets: " + String.join(", ", PRESETS));
    };
  }

  private static BrainShape of(int layers, int heads, int dim, int block) {
    return new BrainShape(
        Vocabulary.SIZE, Channel.values().length, layers, heads, dim, block, PATCH, 16, 0.0);
  }

  /** The shape {@code config} describes: its preset, then every non-zero override. */
  public static BrainShape of(BrainConfig config) {
    BrainShape p = preset(config.preset());
    return new BrainShape(
        p.vocab, p.channels,
        config.layers() > 0 ? config.layers() : p.layers,
        config.heads() > 0 ? config.heads() : p.heads,
        config.dim() > 0 ? config.dim() : p.dim,
        config.block() > 0 ? config.block() : p.block,
        p.patch, p.grid, config.dropout(), Math.max(1, config.group()));
  }

  /** A copy with another dimension set; for tests and tools. */
  public BrainShape with(int layers, int heads, int dim, int block, double dropout) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group);
  }

  /** A copy with another patch side and grid. */
  public BrainShape withPatches(int patch, int grid) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group);
  }

  /** A copy reading {@code tokens} tokens at each position. */
  public BrainShape withGroup(int tokens) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, tokens);
  }

  /** Values per patch: P×P×3. */
  public int patchValues() {
    return patch * patch * 3;
  }

  /** Width of one attention head. */
  public int headDim() {
    return dim / heads;
  }

  /** The number of trainable parameters this shape has, without allocating it. */
  public long parameterCount() {
    long c = dim;
    long perLayer = 2 * c + (3 * c * c + 3 * c) + (c * c + c) + 2 * c + (4 * c * c + 4 * c)
        + (4 * c * c + c);
    long embeddings = (vocab + channels + block + 2L * grid) * c + (patchValues() * c + c);
    long heads = 2 * c + (c + 1) + (c * patchValues() + patchValues());
    long grouping = group > 1 ? group * c * c : 0;
    return embeddings + grouping + layers * perLayer + heads;
  }

  /** Forward-plus-backward FLOPs per trained token, as nanoGPT's MFU estimate counts them. */
  public double flopsPerToken(int tokens) {
    long nonPosition = parameterCount() - (long) block * dim;
    return 6.0 * nonPosition + 12.0 * layers * dim * tokens;
  }

  /** {@code key=value} lines, the form stored in brain files. */
  public String describe() {
    return "layers=" + layers + "\nheads=" + heads + "\ndim=" + dim + "\nblock=" + block
        + "\npatch=" + patch + "\ngrid=" + grid + "\ndropout=" + dropout + "\nvocab=" + vocab
        + "\nchannels=" + channels + "\n" + (group > 1 ? "group=" + group + "\n" : "");
  }

  /** Parses {@link #describe()}'s output; {@code source} names the input in errors. */
  public static BrainShape parse(String text, String source) {
    java.util.Map<String, String> kv = new java.util.HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        kv.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    try {
      return new BrainShape(
          Integer.parseInt(kv.get("vocab")), Integer.parseInt(kv.get("channels")),
          Integer.parseInt(kv.get("layers")), Integer.parseInt(kv.get("heads")),
          Integer.parseInt(kv.get("dim")), Integer.parseInt(kv.get("block")),
          Integer.parseInt(kv.get("patch")), Integer.parseInt(kv.get("grid")),
          Double.parseDouble(kv.get("dropout")),
          Integer.parseInt(kv.getOrDefault("group", "1"))); // brains before groups read one token per position
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          source + ": the brain shape is unreadable (" + e.getMessage()
              + "); the file is damaged or from another program", e);
    }
  }
}
