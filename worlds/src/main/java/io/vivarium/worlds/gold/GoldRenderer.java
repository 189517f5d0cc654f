package io.vivarium.worlds.gold;

import io.vivarium.core.world.Image;

/**
 * Draws the symbolic grid as an RGB picture, MiniGrid-like: black floor with dark grid lines,
 * grey walls, a yellow disc for gold, a red triangle pointing the agent's heading.
 *
 * <p>Each cell code has a prepared tile of {@code P×P} pixels, so drawing is row copies only;
 * a batch repaints just the cells a step changed. Immutable after construction; thread-safe.
 */
public final class GoldRenderer {
  /** Colours as 0xRRGGBB. */
  public static final int FLOOR_RGB = 0x000000;
  public static final int GRID_RGB = 0x282828;
  public static final int WALL_RGB = 0x808080;
  public static final int GOLD_RGB = 0xFFD700;
  public static final int AGENT_RGB = 0xFF0000;
  /** The tutorial line from agent to gold. */
  public static final int LINE_RGB = 0x0080FF;
  /** Any byte that is not a cell code. */
  private static final int UNKNOWN_RGB = 0xFF00FF;

  private final int pixels;
  private final byte[][] tiles = new byte[256][]; // per code: (P, P, 3)

  /** A renderer drawing {@code pixelsPerCell × pixelsPerCell} pixels per cell. */
  public GoldRenderer(int pixelsPerCell) {
    if (pixelsPerCell < 1 || pixelsPerCell > 32) {
      throw new IllegalArgumentException(
          "pixelsPerCell must be between 1 and 32; got " + pixelsPerCell + " (the default is 8)");
    }
    pixels = pixelsPerCell;
    byte[] unknown = solid(UNKNOWN_RGB);
    for (int c = 0; c < 256; c++) {
      tiles[c] = unknown;
    }
    tiles[Cell.FLOOR] = floor();
    tiles[Cell.WALL] = solid(WALL_RGB);
    tiles[Cell.GOLD] = gold();
    for (int h = 0; h < 4; h++) {
      tiles[Cell.agent(h)] = agent(h);
    }
  }

  /** Pixels per cell side. */
  public int pixelsPerCell() {
    return pixels;
  }

  /**
   * Draws a whole grid {@code (gh, gw)} from {@code grid[base…]} into {@code out[off…]}. A cell
   * row holding only floor and walls has identical pixel rows below its first, so those are
   * copied whole instead of tile by tile.
   */
  public void render(byte[] grid, int base, int gw, int gh, byte[] out, int off) {
    int row = gw * pixels * 3;
    int tileRow = pixels * 3;
    for (int y = 0; y < gh; y++) {
      boolean plain = true;
      for (int x = 0; x < gw && plain; x++) {
        byte c = grid[base + y * gw + x];
        plain = c == Cell.FLOOR || c == Cell.WALL;
      }
      for (int r = 0; r < pixels; r++) {
        int dst = off + (y * pixels + r) * row;
        if (plain && r >= 2) {
          System.arraycopy(out, dst - row, out, dst, row);
          continue;
        }
        int src = r * tileRow;
        for (int x = 0; x < gw; x++) {
          System.arraycopy(tiles[grid[base + y * gw + x] & 0xFF], src, out, dst + x * tileRow,
              tileRow);
        }
      }
    }
  }

  /** Redraws the one cell (x, y) of a picture of a grid {@code gw} cells wide. */
  public void paint(byte code, int x, int y, int gw, byte[] out, int off) {
    byte[] tile = tiles[code & 0xFF];
    int row = gw * pixels * 3;
    int tileRow = pixels * 3;
    int dst = off + y * pixels * row + x * tileRow;
    for (int r = 0; r < pixels; r++) {
      System.arraycopy(tile, r * tileRow, out, dst + r * row, tileRow);
    }
  }

  /** The picture of a scene. */
  public Image render(GoldScene scene) {
    int gw = scene.gridWidth();
    int gh = scene.gridHeight();
    byte[] rgb = new byte[gw * gh * pixels * pixels * 3];
    render(scene.cells(), 0, gw, gh, rgb, 0);
    return new Image(gw * pixels, gh * pixels, rgb);
  }

  /**
   * The picture of a scene with a straight line (Bresenham, one pixel wide, {@link #LINE_RGB})
   * from the centre of the agent's cell to the centre of the gold's cell.
   */
  public Image renderLine(GoldScene scene, int goldCell) {
    Image image = render(scene);
    int gw = scene.gridWidth();
    int half = pixels / 2;
    int x0 = scene.agentCell() % gw * pixels + half;
    int y0 = scene.agentCell() / gw * pixels + half;
    int x1 = goldCell % gw * pixels + half;
    int y1 = goldCell / gw * pixels + half;
    int dx = Math.abs(x1 - x0);
    int dy = -Math.abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1;
    int sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    while (true) {
      set(image, x0, y0, LINE_RGB);
      if (x0 == x1 && y0 == y1) {
        return image;
      }
      int e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x0 += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y0 += sy;
      }
    }
  }

  private static void set(Image image, int x, int y, int rgb) {
    int i = (y * image.width() + x) * 3;
    image.rgb()[i] = (byte) (rgb >> 16);
    image.rgb()[i + 1] = (byte) (rgb >> 8);
    image.rgb()[i + 2] = (byte) rgb;
  }

  private byte[] solid(int rgb) {
    byte[] t = new byte[pixels * pixels * 3];
    for (int i = 0; i < pixels * pixels; i++) {
      put(t, i, rgb);
    }
    return t;
  }

  private byte[] floor() {
    byte[] t = solid(FLOOR_RGB);
    if (pixels >= 4) {
      for (int i = 0; i < pixels; i++) {
        put(t, i, GRID_RGB); // top row
        put(t, i * pixels, GRID_RGB); // left column
      }
    }
    return t;
  }

  private byte[] gold() {
    byte[] t = floor();
    double r = pixels * 0.35;
    for (int y = 0; y < pixels; y++) {
      for (int x = 0; x < pixels; x++) {
        double u = x + 0.5 - pixels / 2.0;
        double v = y + 0.5 - pixels / 2.0;
        if (u * u + v * v <= r * r || pixels < 3) {
          put(t, y * pixels + x, GOLD_RGB);
        }
      }
    }
    return t;
  }

  /** A triangle with its apex towards {@code heading}, computed in the north-facing frame. */
  private byte[] agent(int heading) {
    byte[] t = floor();
    for (int y = 0; y < pixels; y++) {
      for (int x = 0; x < pixels; x++) {
        double u = (x + 0.5) / pixels;
        double v = (y + 0.5) / pixels;
        double nu = switch (heading) {
          case Cell.EAST -> v;
          case Cell.SOUTH -> 1 - u;
          case Cell.WEST -> 1 - v;
          default -> u;
        };
        double nv = switch (heading) {
          case Cell.EAST -> 1 - u;
          case Cell.SOUTH -> 1 - v;
          case Cell.WEST -> u;
          default -> v;
        };
        if (insideTriangle(nu, nv) || pixels < 3) {
          put(t, y * pixels + x, AGENT_RGB);
        }
      }
    }
    return t;
  }

  /** Apex (0.5, 0.12), base from (0.12, 0.88) to (0.88, 0.88). */
  private static boolean insideTriangle(double u, double v) {
    if (v > 0.88 || v < 0.12) {
      return false;
    }
    double halfWidth = 0.38 * (v - 0.12) / 0.76;
    return Math.abs(u - 0.5) <= halfWidth;
  }

  private static void put(byte[] t, int pixel, int rgb) {
    t[pixel * 3] = (byte) (rgb >> 16);
    t[pixel * 3 + 1] = (byte) (rgb >> 8);
    t[pixel * 3 + 2] = (byte) rgb;
  }
}
