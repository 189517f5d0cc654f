package io.vivarium.brain.grow;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Growth#WIDEN}: width C → 2C, heads H → 2H, head width D unchanged, MLP 4C → 8C, with
 * the residual stream x becoming [x, x] (docs/brain.md, "Growth", has the argument). Each
 * parameter is copied by a {@link Plan}: per axis, whether it is kept or duplicated part by
 * part, the factor on its values and the ratio of its gradient at the symmetric point. Stateless;
 * thread-safe.
 */
final class Widen {
  private Widen() {}

  /**
   * How one parameter widens: its rows (first axis; 0 for rank 1) and columns split into
   * {@code rowParts} and {@code colParts} equal parts, each part duplicated in place (0 = the
   * axis is kept); values times {@code scale}; its gradient becomes {@code ratio} times the
   * original's.
   */
  record Plan(int rowParts, int colParts, float scale, float ratio) {}

  /** The wider shape. */
  static BrainShape shape(BrainShape s) {
    return s.with(s.layers(), 2 * s.heads(), 2 * s.dim(), s.block(), s.dropout())
        .withHeads(2 * s.heads(), s.headDim()).withMlp(2 * s.mlp());
  }

  /** The plan for parameter {@code name} of a brain of shape {@code s}. */
  static Plan plan(String name, BrainShape s) {
    String base = name.replaceFirst("^h\\d+\\.", "");
    return switch (base) {
      // embeddings: columns duplicated, so x = [x, x]
      case "tok", "chan", "pos", "patch.row", "patch.col" -> new Plan(0, 1, 1f, 0.5f);
      case "patch.w" -> new Plan(1, 0, 1f, 0.5f);
      // biases and LayerNorm parameters inside blocks: duplicated ([x, x] normalises to [n, n])
      case "patch.b", "ln1.g", "ln1.b", "ln2.g", "ln2.b", "proj.b", "fc.b", "out.b" ->
          new Plan(0, 1, 1f, 0.5f);
      // the group's input is G embeddings, each [e, e]: halved into both copies
      case "group.w" -> new Plan(1, s.group(), 0.5f, 0.5f);
      // q, k, v each duplicated (heads H..2H-1 copy heads 0..H-1), inputs halved
      case "attn.w" -> new Plan(3, 1, 0.5f, 0.5f);
      case "attn.b" -> new Plan(0, 3, 1f, 0.5f);
      case "proj.w", "fc.w", "out.w" -> new Plan(1, 1, 0.5f, 0.5f);
      // final LayerNorm: h' = [h/2, h/2], so every head reading h' (tied logits too) is unchanged
      case "lnf.g", "lnf.b" -> new Plan(0, 1, 0.5f, 1f);
      case "value.w", "unpatch.w" -> new Plan(0, 1, 1f, 0.5f);
      case "value.b", "unpatch.b" -> new Plan(0, 0, 1f, 1f);
      default -> throw new IllegalArgumentException(
          "widening does not know parameter '" + name + "'; the brain layout changed without Widen");
    };
  }

  /** Every parameter widened, in the wider shape's layout order. */
  static Map<String, float[]> weights(BrainShape s, Map<String, float[]> values) {
    return map(s, values, Kind.WEIGHTS);
  }

  /** What an optimizer's moments become: first moments × ratio, second × ratio², copied alike. */
  enum Kind { WEIGHTS, FIRST, SECOND }

  static Map<String, float[]> map(BrainShape s, Map<String, float[]> values, Kind kind) {
    return each(s, values, kind, "widen", Widen::copy);
  }

  /** One parameter's values resized: (rows, cols) of the narrow shape, the parts that double, the factor. */
  @FunctionalInterface
  interface Resize {
    float[] apply(float[] v, int rows, int cols, int rowParts, int colParts, float factor);
  }

  /**
   * Every parameter of {@code values} resized by {@code resize} with the plan of {@code narrow}
   * (the narrower of the two shapes), in that shape's layout order; {@code verb} names the
   * operation in errors.
   */
  static Map<String, float[]> each(BrainShape narrow, Map<String, float[]> values, Kind kind, String verb,
      Resize resize) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : Weights.layout(narrow).entrySet()) {
      String name = e.getKey();
      float[] v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no values for parameter " + name + " to " + verb);
      }
      Plan p = plan(name, narrow);
      float factor = switch (kind) {
        case WEIGHTS -> p.scale();
        case FIRST -> p.ratio();
        case SECOND -> p.ratio() * p.ratio();
      };
      Shape shape = e.getValue();
      int rows = shape.dimension() == 1 ? 1 : Math.toIntExact(shape.get(0));
      int cols = Math.toIntExact(shape.dimension() == 1 ? shape.get(0) : shape.get(1));
      out.put(name, resize.apply(v, rows, cols, p.rowParts(), p.colParts(), factor));
    }
    return out;
  }

  /** {@code v} (rows, cols) with each axis's parts duplicated in place, times {@code factor}. */
  static float[] copy(float[] v, int rows, int cols, int rowParts, int colParts, float factor) {
    int newRows = rowParts == 0 ? rows : 2 * rows;
    int newCols = colParts == 0 ? cols : 2 * cols;
    float[] out = new float[Math.multiplyExact(newRows, newCols)];
    int[] colFrom = new int[newCols];
    for (int c = 0; c < newCols; c++) {
      colFrom[c] = source(c, cols, colParts);
    }
    for (int r = 0; r < newRows; r++) {
      int from = source(r, rows, rowParts) * cols;
      int to = r * newCols;
      for (int c = 0; c < newCols; c++) {
        out[to + c] = v[from + colFrom[c]] * factor;
      }
    }
    return out;
  }

  /** The old index a new index copies: part p of the new axis, [a, a], copies part p, a. */
  static int source(int i, int n, int parts) {
    if (parts == 0) {
      return i;
    }
    int part = n / parts;
    return (i / (2 * part)) * part + (i % (2 * part)) % part;
  }
}
