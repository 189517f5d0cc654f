package io.vivarium.brain;

import io.vivarium.core.world.Image;
import java.util.Objects;

/**
 * A picture cut into square patches: {@code values} holds {@code count()} patches of P×P×3
 * numbers in [0, 1] (row-major pixels, then R, G, B), and each patch's grid row and column.
 * The brain adds learned row and column embeddings, so patches know where they are.
 *
 * <p>Immutable by convention: the arrays are shared, not copied.
 */
public record Patches(int patch, float[] values, int[] rows, int[] cols) {
  public Patches {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(cols, "cols");
    int per = patch * patch * 3;
    if (patch < 1 || rows.length != cols.length || values.length != rows.length * per) {
      throw new IllegalArgumentException(
          "patches need " + per + " values per patch for " + rows.length + " patches and as "
              + "many columns; got " + values.length + " values, " + cols.length + " columns");
    }
  }

  /** No patches: a text-only input. */
  public static Patches none(int patch) {
    return new Patches(patch, new float[0], new int[0], new int[0]);
  }

  /** Number of patches. */
  public int count() {
    return rows.length;
  }

  /**
   * Cuts {@code image} into {@code patch}×{@code patch} squares, row by row; the right and
   * bottom edges are padded with black when the size is not a multiple of the patch side.
   */
  public static Patches of(Image image, int patch) {
    int gw = (image.width() + patch - 1) / patch;
    int gh = (image.height() + patch - 1) / patch;
    int per = patch * patch * 3;
    float[] values = new float[gw * gh * per];
    int[] rows = new int[gw * gh];
    int[] cols = new int[gw * gh];
    byte[] rgb = image.rgb();
    for (int gy = 0; gy < gh; gy++) {
      for (int gx = 0; gx < gw; gx++) {
        int n = gy * gw + gx;
        rows[n] = gy;
        cols[n] = gx;
        for (int py = 0; py < patch; py++) {
          for (int px = 0; px < patch; px++) {
            int x = gx * patch + px;
            int y = gy * patch + py;
            if (x < image.width() && y < image.height()) {
              int src = (y * image.width() + x) * 3;
              int dst = n * per + (py * patch + px) * 3;
              for (int ch = 0; ch < 3; ch++) {
                values[dst + ch] = (rgb[src + ch] & 0xFF) / 255f;
              }
            }
          }
        }
      }
    }
    return new Patches(patch, values, rows, cols);
  }
}
