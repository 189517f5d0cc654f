package io.vivarium.worlds.gold;

import java.util.Objects;

/**
 * Everything that fixes a gold world's shape: room size, layout, gold count, step limit and
 * which observations are produced.
 *
 * @param name the registered name, e.g. {@code gold-bare-6x6} (with {@code +rgb}/{@code +ego}/{@code +pixels})
 * @param width free cells per row inside the border walls
 * @param height free cells per column inside the border walls
 * @param layout how inner walls are built
 * @param gold gold pieces per episode
 * @param maxSteps the step limit (MiniGrid's default {@code 4·W·H})
 * @param egocentric whether the {@code video} channel carries the egocentric view instead of
 *     the full grid
 * @param view side of the egocentric view, odd
 * @param rgb whether observations carry the RGB picture
 * @param pixelsPerCell side of one cell in the picture, in pixels
 * @param pixels whether brains read the picture instead of the {@code video} bytes (the
 *     {@code +pixels} modifier): needs the picture at {@link #PIXELS_CELL} pixels per cell, the
 *     full grid (not the egocentric view) and at most {@link #PIXELS_SIDE} pixels per side
 */
public record GoldPreset(
    String name,
    int width,
    int height,
    Layout layout,
    int gold,
    int maxSteps,
    boolean egocentric,
    int view,
    boolean rgb,
    int pixelsPerCell,
    boolean pixels) {

  /** Pixels per cell of a {@code +pixels} picture: one cell is one 4×4 patch of the brain. */
  public static final int PIXELS_CELL = 4;
  /** The widest {@code +pixels} picture: a brain's patch grid (16 patches of 4 pixels per side). */
  public static final int PIXELS_SIDE = 64;

  public GoldPreset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    int min = layout == Layout.ROOMS ? 5 : 2;
    String sides = layout == Layout.ROOMS ? "rooms need at least 5 cells per side"
        : "a room needs at least 2 cells per side";
    check(name, "width", width, min, 64, sides);
    check(name, "height", height, min, 64, sides);
    check(name, "gold", gold, 1, Math.min(8, width * height - 1), "at most 8, and fewer than the cells");
    check(name, "maxSteps", maxSteps, 1, 1 << 24, "the default is 4·width·height");
    check(name, "pixelsPerCell", pixelsPerCell, 1, 32, "the default is 8");
    check(name, "view", view, 3, 15, "an odd side such as 5");
    if (view % 2 == 0) {
      throw new IllegalArgumentException(
          "gold preset " + name + ": view must be odd so the agent sits in the middle column; got "
              + view + "; use " + (view + 1));
    }
    if (pixels) {
      checkPixels(name, egocentric, rgb, pixelsPerCell, (width + 2) * pixelsPerCell,
          (height + 2) * pixelsPerCell);
    }
  }

  private static void checkPixels(String name, boolean ego, boolean rgb, int cell, int w, int h) {
    if (ego) {
      throw new IllegalArgumentException("gold preset " + name + ": +pixels cannot be combined with +ego"
          + " (the picture shows the whole room, not the egocentric view); drop +ego or +pixels");
    }
    if (!rgb || cell != PIXELS_CELL) {
      throw new IllegalArgumentException("gold preset " + name + ": pixels needs the picture at "
          + PIXELS_CELL + " pixels per cell; got rgb " + rgb + " at " + cell + " (use withPixels(true))");
    }
    if (w > PIXELS_SIDE || h > PIXELS_SIDE) {
      throw new IllegalArgumentException("gold preset " + name + ": +pixels draws " + w + "x" + h
          + " pixels (" + w / cell + "x" + h / cell + " cells with the walls, " + cell + " pixels each) but"
          + " a brain sees at most " + PIXELS_SIDE + " pixels per side (16 patches of 4); use a room of at"
          + " most " + (PIXELS_SIDE / cell - 2) + "x" + (PIXELS_SIDE / cell - 2)
          + " free cells (e.g. gold-walls-12x12+pixels) or drop +pixels");
    }
  }

  /** A preset with the default step limit {@code 4·W·H}, full grid, no picture. */
  public static GoldPreset of(String name, int width, int height, Layout layout, int gold) {
    return new GoldPreset(name, width, height, layout, gold, 4 * width * height, false, 5, false, 8, false);
  }

  private static void check(String name, String field, int value, int lo, int hi, String hint) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(
          "gold preset " + name + ": " + field + " must be between " + lo + " and " + hi
              + "; got " + value + " (" + hint + ")");
    }
  }

  /** Columns of the symbolic grid, border included. */
  public int gridWidth() {
    return width + 2;
  }

  /** Rows of the symbolic grid, border included. */
  public int gridHeight() {
    return height + 2;
  }

  /** Cells of the symbolic grid, border included. */
  public int cells() {
    return gridWidth() * gridHeight();
  }

  /** Picture width in pixels. */
  public int imageWidth() {
    return gridWidth() * pixelsPerCell;
  }

  /** Picture height in pixels. */
  public int imageHeight() {
    return gridHeight() * pixelsPerCell;
  }

  /** This preset with the RGB picture switched on or off. */
  public GoldPreset withRgb(boolean on) {
    return new GoldPreset(name, width, height, layout, gold, maxSteps, egocentric, view, on,
        pixelsPerCell, pixels);
  }

  /** This preset with another step limit. */
  public GoldPreset withMaxSteps(int steps) {
    return new GoldPreset(name, width, height, layout, gold, steps, egocentric, view, rgb,
        pixelsPerCell, pixels);
  }

  /** This preset with the egocentric view on the video channel. */
  public GoldPreset withEgocentric(boolean on) {
    return new GoldPreset(name, width, height, layout, gold, maxSteps, on, view, rgb,
        pixelsPerCell, pixels);
  }

  /** This preset with an egocentric view of side {@code side} (odd, 3 to 15). */
  public GoldPreset withView(int side) {
    return new GoldPreset(name, width, height, layout, gold, maxSteps, egocentric, side, rgb,
        pixelsPerCell, pixels);
  }

  /** This preset with another cell size in pixels. */
  public GoldPreset withPixelsPerCell(int side) {
    return new GoldPreset(name, width, height, layout, gold, maxSteps, egocentric, view, rgb,
        side, pixels);
  }

  /**
   * This preset read through its picture ({@code +pixels}): on switches the picture on at
   * {@link #PIXELS_CELL} pixels per cell; off clears the flag and leaves the picture as it is.
   */
  public GoldPreset withPixels(boolean on) {
    return new GoldPreset(name, width, height, layout, gold, maxSteps, egocentric, view, on || rgb,
        on ? PIXELS_CELL : pixelsPerCell, on);
  }
}
