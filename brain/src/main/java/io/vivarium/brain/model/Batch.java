package io.vivarium.brain.model;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.core.Vocabulary;
import java.util.Arrays;
import java.util.List;

/**
 * Inputs as tensors on one step's arena. Rows are right-padded with {@link Vocabulary#PAD};
 * every row has the same number of patches N, placed before its T tokens, so the sequence
 * length is S = N + T.
 *
 * @param tokens (B, T) int64 token ids, or (B, T, G) for a brain reading G tokens per position
 * @param channels (B, T) int64 channel ordinals
 * @param positions (T) int64 0..T-1
 * @param patches (B, N, P3) float patch values, or null when N = 0
 * @param rows (B, N) int64 patch grid rows, or null
 * @param cols (B, N) int64 patch grid columns, or null
 * @param mask (B or 1, 1, S, S) additive attention mask: 0 where allowed, -inf elsewhere; null
 *     when every position may attend to every other (no padding, all prefix)
 * @param lengths real (unpadded) token count of each row
 */
public record Batch(
    Tensor tokens, Tensor channels, Tensor positions, Tensor patches, Tensor rows,
    Tensor cols, Tensor mask, int[] lengths, int patchCount) {

  /** Batch size B. */
  public int size() {
    return lengths.length;
  }

  /** Token columns T (after padding). */
  public int width() {
    return Math.toIntExact(tokens.getShape().get(1));
  }

  /** Whether every row has the full width T (no padding): each row's last position is S − 1. */
  public boolean unpadded() {
    for (int length : lengths) {
      if (length != width()) {
        return false;
      }
    }
    return true;
  }

  /** Sequence length S = N + T. */
  public int sequence() {
    return patchCount + width();
  }

  /** A batch of prefix-LM inputs; every row must fit the shape's block and patch grid. */
  public static Batch of(Arena m, BrainShape shape, List<BrainInput> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one input; got none");
    }
    int b = inputs.size();
    int n = inputs.get(0).patches().count();
    int g = shape.group();
    int t = 1;
    for (BrainInput in : inputs) {
      check(shape, in, n);
      t = Math.max(t, in.tokens().length / g);
    }
    long[] tokens = new long[b * t * g];
    long[] channels = new long[b * t];
    Arrays.fill(tokens, Vocabulary.PAD);
    int[] lengths = new int[b];
    int[] prefixes = new int[b];
    float[] patchValues = new float[b * n * shape.patchValues()];
    long[] rows = new long[b * n];
    long[] cols = new long[b * n];
    for (int i = 0; i < b; i++) {
      BrainInput in = inputs.get(i);
      lengths[i] = in.tokens().length / g;
      prefixes[i] = n + in.prefix() / g;
      for (int j = 0; j < in.tokens().length; j++) {
        tokens[i * t * g + j] = in.tokens()[j];
      }
      for (int j = 0; j < lengths[i]; j++) {
        channels[i * t + j] = in.channels()[j * g]; // a group's channel is its first token's
      }
      System.arraycopy(in.patches().values(), 0, patchValues, i * n * shape.patchValues(),
          n * shape.patchValues());
      for (int j = 0; j < n; j++) {
        rows[i * n + j] = in.patches().rows()[j];
        cols[i * n + j] = in.patches().cols()[j];
      }
    }
    boolean open = true;
    for (int i = 0; i < b; i++) {
      open &= prefixes[i] == n + t;
    }
    // all rows unpadded and all prefix: nothing is hidden, so no mask is built or added
    Tensor mask = open ? null : m.create(prefixMask(prefixes, n + t), new Shape(b, 1, n + t, n + t));
    return new Batch(
        m.create(tokens, g == 1 ? new Shape(b, t) : new Shape(b, t, g)), m.create(channels, new Shape(b, t)),
        m.arange(0, t),
        n == 0 ? null : m.create(patchValues, new Shape(b, n, shape.patchValues())),
        n == 0 ? null : m.create(rows, new Shape(b, n)),
        n == 0 ? null : m.create(cols, new Shape(b, n)),
        mask, lengths, n);
  }

  /** A plain causal language-model batch: {@code tokens} is (B, T), all on one channel; one token per position. */
  public static Batch causal(Arena m, long[] tokens, int b, int t, int channel) {
    long[] channels = new long[b * t];
    Arrays.fill(channels, channel);
    int[] lengths = new int[b];
    Arrays.fill(lengths, t);
    Tensor mask = m.create(prefixMask(new int[] {0}, t), new Shape(1, 1, t, t));
    return new Batch(
        m.create(tokens, new Shape(b, t)), m.create(channels, new Shape(b, t)), m.arange(0, t),
        null, null, null, mask, lengths, 0);
  }

  /** (B, S, S) flattened: position i may attend to j when j ≤ i or j is in row b's prefix. */
  static float[] prefixMask(int[] prefixes, int s) {
    float[] mask = new float[prefixes.length * s * s];
    for (int b = 0; b < prefixes.length; b++) {
      for (int i = 0; i < s; i++) {
        for (int j = 0; j < s; j++) {
          boolean allowed = j <= i || j < prefixes[b];
          mask[(b * s + i) * s + j] = allowed ? 0f : Float.NEGATIVE_INFINITY;
        }
      }
    }
    return mask;
  }

  private static void check(BrainShape shape, BrainInput in, int patches) {
    int g = shape.group();
    if (g > 1 && (in.tokens().length % g != 0 || in.prefix() != in.tokens().length)) {
      throw new IllegalArgumentException(
          "this brain reads " + g + " tokens at each position (brain.group), so its inputs must be whole"
              + " observation prefixes of whole groups; got " + in.tokens().length + " tokens with a prefix of "
              + in.prefix() + " (byte sequences need brain.group=1)");
    }
    if (in.tokens().length / g > shape.block()) {
      throw new IllegalArgumentException(
          "an input has " + in.tokens().length + " tokens but the brain's block is "
              + shape.block() + "; shorten it (BrainInput.keepLast) or use a larger brain.block");
    }
    if (in.patches().count() != patches) {
      throw new IllegalArgumentException(
          "all inputs of a batch need the same number of patches; got " + patches + " and "
              + in.patches().count());
    }
    if (patches > 0 && in.patches().patch() != shape.patch()) {
      throw new IllegalArgumentException(
          "patches must be " + shape.patch() + "x" + shape.patch() + " for this brain; got "
              + in.patches().patch() + "x" + in.patches().patch());
    }
    for (int j = 0; j < patches; j++) {
      int r = in.patches().rows()[j];
      int c = in.patches().cols()[j];
      if (r < 0 || c < 0 || r >= shape.grid() || c >= shape.grid()) {
        throw new IllegalArgumentException(
            "patch " + j + " sits at grid (" + r + ", " + c + ") but the brain's grid is "
                + shape.grid() + "x" + shape.grid() + "; use a smaller picture or larger patches");
      }
    }
  }
}
