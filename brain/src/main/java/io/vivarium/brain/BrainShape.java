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
 * @param headDim width of one attention head D; the attention's inner width is heads·D (by
 *     default D = dim / heads, so heads·D = dim); stored in brain files only when not the default
 * @param mlp hidden width of each block's MLP (by default 4·dim); stored only when not the default
 */
public record BrainShape(
    int vocab, int channels, int layers, int heads, int dim, int block, int patch, int grid,
    double dropout, int group, int headDim, int mlp) {

  /** The preset names, in size order. */
  public static final List<String> PRESETS = List.of(
      "tiny", "small", "base", "nanogpt-cpu", "30m", "100m", "1b");
  /** Side of an image patch in every preset. */
  public static final int PATCH = 4;
  /** The most tokens one position may read. */
  public static final int MAX_GROUP = 64;
  /** The most blocks a brain may have. */
  public static final int MAX_LAYERS = 64;
  /** The most attention heads per block. */
  public static final int MAX_HEADS = 64;
  /** The widest embedding. */
  public static final int MAX_DIM = 4096;

  /** A shape reading one token per position. */
  public BrainShape(
      int vocab, int channels, int layers, int heads, int dim, int block, int patch, int grid, double dropout) {
    this(vocab, channels, layers, heads, dim, block, patch, grid, dropout, 1);
  }

  /** A shape with the default head width (dim / heads) and MLP width (4·dim). */
  public BrainShape(int vocab, int channels, int layers, int heads, int dim, int block, int patch, int grid,
      double dropout, int group) {
    this(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group,
        defaultHeadDim(dim, heads), 4 * dim);
  }

  public BrainShape {
    check("vocab", vocab, Vocabulary.SIZE, Vocabulary.SIZE);
    check("channels", channels, Channel.values().length, Channel.values().length);
    check("layers", layers, 1, MAX_LAYERS);
    check("heads", heads, 1, MAX_HEADS);
    check("dim", dim, 1, MAX_DIM);
    check("block", block, 1, 8192);
    check("patch", patch, 1, 64);
    check("grid", grid, 1, 256);
    check("group", group, 1, MAX_GROUP);
    check("headDim", headDim, 1, MAX_DIM);
    check("attention width heads·headDim", heads * headDim, 1, 4 * MAX_DIM);
    check("mlp", mlp, 1, 4 * MAX_DIM);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(
          "brain.dropout must be in [0, 1); got " + dropout + " (use e.g. 0.1)");
    }
  }

  /** dim / heads, refusing a dim that is not a multiple of heads. */
  private static int defaultHeadDim(int dim, int heads) {
    if (heads < 1) {
      return 1; // the canonical constructor names the bad head count
    }
    if (dim % heads != 0) {
      throw new IllegalArgumentException(
          "brain.dim must be a multiple of brain.heads; got dim " + dim + " with " + heads
              + " heads (choose e.g. dim " + (dim / heads + 1) * heads + ")");
    }
    return dim / heads;
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

  /**
   * A copy with another dimension set; for tests and tools. A default head width or MLP width
   * follows the new dim and heads; one set explicitly ({@link #withHeadDim}, {@link #withMlp})
   * is kept.
   */
  public BrainShape with(int layers, int heads, int dim, int block, double dropout) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group,
        defaultHeads() ? defaultHeadDim(dim, heads) : headDim, defaultMlp() ? 4 * dim : mlp);
  }

  /** A copy with another patch side and grid. */
  public BrainShape withPatches(int patch, int grid) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group, headDim, mlp);
  }

  /** A copy reading {@code tokens} tokens at each position. */
  public BrainShape withGroup(int tokens) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, tokens, headDim, mlp);
  }

  /** A copy with {@code heads} attention heads of {@code headDim} each (dim unchanged). */
  public BrainShape withHeads(int heads, int headDim) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group, headDim, mlp);
  }

  /** A copy whose MLPs have {@code mlp} hidden units. */
  public BrainShape withMlp(int mlp) {
    return new BrainShape(vocab, channels, layers, heads, dim, block, patch, grid, dropout, group, headDim, mlp);
  }

  /** Whether the head width is the default, heads·headDim = dim. */
  private boolean defaultHeads() {
    return (long) heads * headDim == dim;
  }

  private boolean defaultMlp() {
    return mlp == 4 * dim;
  }

  /** Values per patch: P×P×3. */
  public int patchValues() {
    return patch * patch * 3;
  }

  /** The attention's inner width: heads·headDim (dim by default). */
  public int attention() {
    return heads * headDim;
  }

  /** The number of trainable parameters this shape has, without allocating it. */
  public long parameterCount() {
    long c = dim;
    long a = attention();
    long perLayer = 2 * c + (3 * a * c + 3 * a) + (c * a + c) + 2 * c + (mlp * c + mlp)
        + (c * mlp + c);
    long embeddings = (vocab + channels + block + 2L * grid) * c + (patchValues() * c + c);
    long heads = 2 * c + (c + 1) + (c * patchValues() + patchValues());
    long grouping = group > 1 ? group * c * c : 0;
    return embeddings + grouping + layers * perLayer + heads;
  }

  /**
   * A short name for this brain's size: the preset's name when layers, width and heads are a
   * preset's and it reads one token per position (block, patches, dropout follow the world and
   * the training, not the size), else {@code 1L·16d·2h}, with {@code ·g8} for a group above 1,
   * {@code ·hd12} for a head width other than dim / heads and {@code ·m96} for an MLP width other
   * than 4·dim (a grown brain's).
   */
  public String label() {
    if (group == 1 && defaultHeads() && defaultMlp()) {
      for (String name : PRESETS) {
        BrainShape p = preset(name);
        if (p.layers == layers && p.dim == dim && p.heads == heads) {
          return name;
        }
      }
    }
    return layers + "L·" + dim + "d·" + heads + "h" + (group > 1 ? "·g" + group : "")
        + (defaultHeads() ? "" : "·hd" + headDim) + (defaultMlp() ? "" : "·m" + mlp);
  }

  /** Forward-plus-backward FLOPs per trained token, as nanoGPT's MFU estimate counts them. */
  public double flopsPerToken(int tokens) {
    long nonPosition = parameterCount() - (long) block * dim;
    return 6.0 * nonPosition + 12.0 * layers * attention() * tokens;
  }

  /** {@code key=value} lines, the form stored in brain files. */
  public String describe() {
    return "layers=" + layers + "\nheads=" + heads + "\ndim=" + dim + "\nblock=" + block
        + "\npatch=" + patch + "\ngrid=" + grid + "\ndropout=" + dropout + "\nvocab=" + vocab
        + "\nchannels=" + channels + "\n" + (group > 1 ? "group=" + group + "\n" : "")
        + (defaultHeads() ? "" : "headDim=" + headDim + "\n") + (defaultMlp() ? "" : "mlp=" + mlp + "\n");
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
      int heads = Integer.parseInt(kv.get("heads"));
      int dim = Integer.parseInt(kv.get("dim"));
      // shapes without these lines (all before issue 23) have the default head and MLP widths
      int headDim = kv.containsKey("headDim") ? Integer.parseInt(kv.get("headDim")) : defaultHeadDim(dim, heads);
      return new BrainShape(
          Integer.parseInt(kv.get("vocab")), Integer.parseInt(kv.get("channels")),
          Integer.parseInt(kv.get("layers")), heads, dim, Integer.parseInt(kv.get("block")),
          Integer.parseInt(kv.get("patch")), Integer.parseInt(kv.get("grid")),
          Double.parseDouble(kv.get("dropout")),
          Integer.parseInt(kv.getOrDefault("group", "1")), // brains before groups read one token per position
          headDim, Integer.parseInt(kv.getOrDefault("mlp", "" + 4 * dim)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          source + ": the brain shape is unreadable (" + e.getMessage()
              + "); the file is damaged or from another program", e);
    }
  }
}
