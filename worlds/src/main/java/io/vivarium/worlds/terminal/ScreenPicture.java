package io.vivarium.worlds.terminal;

import io.vivarium.core.world.Image;

/**
 * A terminal screen as a picture: each cell drawn with {@link Glyphs} in light grey on black, the
 * cursor cell inverted (a block cursor); {@code cols × 6} by {@code rows × 8} pixels.
 *
 * <p>It runs on every step of every terminal, so glyphs are precomputed 48-bit masks, blank cells
 * cost one lookup, and the only allocation is the returned picture's array.
 *
 * <p>Stateless; thread-safe, provided the screen is not fed while it is drawn.
 */
public final class ScreenPicture {
  /** The colour of text, {@code 0xRRGGBB}; the background is black. */
  public static final int INK = 0xC8C8C8;

  private static final byte R = (byte) (INK >> 16);
  private static final byte G = (byte) (INK >> 8);
  private static final byte B = (byte) INK;
  private static final int ROW_BITS = (1 << Glyphs.WIDTH) - 1;

  private ScreenPicture() {}

  /** The screen with its cursor. */
  public static Image of(Screen s) {
    return of(s, true);
  }

  /** The screen, with its cursor cell inverted if {@code cursor}. */
  public static Image of(Screen s, boolean cursor) {
    int cols = s.cols();
    int rows = s.rows();
    int width = cols * Glyphs.WIDTH;
    int height = rows * Glyphs.HEIGHT;
    byte[] rgb = new byte[width * height * 3]; // (H, W, 3), all black
    int cursorRow = cursor ? s.cursorRow() : -1;
    int cursorCol = s.cursorCol();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        long mask = Glyphs.mask(s.at(r, c));
        if (r == cursorRow && c == cursorCol) {
          mask = ~mask & Glyphs.FULL;
        }
        if (mask != 0) {
          draw(rgb, width, (r * Glyphs.HEIGHT * width + c * Glyphs.WIDTH) * 3, mask);
        }
      }
    }
    return new Image(width, height, rgb);
  }

  /** Paints the ink of one cell whose top-left pixel starts at byte {@code at}. */
  private static void draw(byte[] rgb, int width, int at, long mask) {
    for (int y = 0; y < Glyphs.HEIGHT; y++, mask >>>= Glyphs.WIDTH, at += width * 3) {
      int bits = (int) mask & ROW_BITS;
      for (int i = at; bits != 0; bits >>>= 1, i += 3) {
        if ((bits & 1) != 0) {
          rgb[i] = R;
          rgb[i + 1] = G;
          rgb[i + 2] = B;
        }
      }
    }
  }
}
