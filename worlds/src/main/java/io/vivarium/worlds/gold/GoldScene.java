package io.vivarium.worlds.gold;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A snapshot of one gold room: the symbolic grid with its border, the step count and limit.
 * Scenes feed the expert, the tutorials and the renderers, and can be written by hand in ASCII
 * for tests ({@link #parse}).
 *
 * <p>Immutable as long as {@code cells} is not modified (it is copied in, not out).
 *
 * @param width free cells per row inside the border
 * @param height free cells per column inside the border
 * @param cells symbolic grid {@code (height + 2, width + 2)}, row-major, {@link Cell} codes
 * @param steps steps taken in the episode so far
 * @param maxSteps the episode's step limit
 * @param gold gold pieces the episode started with (for the reward share)
 */
public record GoldScene(int width, int height, byte[] cells, int steps, int maxSteps, int gold) {

  public GoldScene {
    Objects.requireNonNull(cells, "cells");
    cells = cells.clone();
    if (cells.length != (width + 2) * (height + 2)) {
      throw new IllegalArgumentException("a " + width + "x" + height + " scene needs "
          + (width + 2) * (height + 2) + " cells with its border; got " + cells.length);
    }
    int agents = 0;
    for (byte c : cells) {
      if (Cell.isAgent(c)) {
        agents++;
      } else if (c != Cell.FLOOR && c != Cell.WALL && c != Cell.GOLD) {
        throw new IllegalArgumentException("scene cell '" + (char) c + "' is not one of . # G ^ > v <");
      }
    }
    if (agents != 1) {
      throw new IllegalArgumentException("a scene needs exactly one agent (^ > v <); got " + agents);
    }
    if (steps < 0 || maxSteps < 1 || gold < 1) {
      throw new IllegalArgumentException(
          "scene needs steps >= 0, maxSteps >= 1, gold >= 1; got " + steps + ", " + maxSteps + ", " + gold);
    }
  }

  /**
   * A scene from ASCII rows (border included), e.g. {@code "#####\n#>.G#\n#####"}; the step
   * limit is MiniGrid's {@code 4·W·H} and the starting gold is the gold present.
   */
  public static GoldScene parse(String ascii) {
    String[] rows = ascii.strip().split("\n");
    int gw = rows[0].strip().length();
    byte[] cells = new byte[gw * rows.length];
    for (int y = 0; y < rows.length; y++) {
      String row = rows[y].strip();
      if (row.length() != gw) {
        throw new IllegalArgumentException("scene row " + y + " has " + row.length()
            + " cells; every row needs " + gw + ": '" + row + "'");
      }
      System.arraycopy(row.getBytes(StandardCharsets.US_ASCII), 0, cells, y * gw, gw);
    }
    int golds = 0;
    for (byte c : cells) {
      golds += c == Cell.GOLD ? 1 : 0;
    }
    int w = gw - 2;
    int h = rows.length - 2;
    return new GoldScene(w, h, cells, 0, 4 * w * h, Math.max(1, golds));
  }

  /** This scene at another step count (e.g. close to the step limit). */
  public GoldScene withSteps(int stepsTaken) {
    return new GoldScene(width, height, cells, stepsTaken, maxSteps, gold);
  }

  /** Columns with the border. */
  public int gridWidth() {
    return width + 2;
  }

  /** Rows with the border. */
  public int gridHeight() {
    return height + 2;
  }

  /** The cell code at (x, y), border coordinates (the border is row and column 0). */
  public byte at(int x, int y) {
    return cells[y * gridWidth() + x];
  }

  /** The agent's cell index {@code y · gridWidth + x}. */
  public int agentCell() {
    for (int c = 0; c < cells.length; c++) {
      if (Cell.isAgent(cells[c])) {
        return c;
      }
    }
    throw new IllegalStateException("scene without agent");
  }

  /** The agent's heading (0 north, 1 east, 2 south, 3 west). */
  public int heading() {
    return Cell.heading(cells[agentCell()]);
  }

  /** Cell indices of the gold left, in row-major order. */
  public int[] goldCells() {
    int n = goldLeft();
    int[] out = new int[n];
    int k = 0;
    for (int c = 0; c < cells.length && k < n; c++) {
      if (cells[c] == Cell.GOLD) {
        out[k++] = c;
      }
    }
    return out;
  }

  /** Gold pieces left. */
  public int goldLeft() {
    int n = 0;
    for (byte c : cells) {
      n += c == Cell.GOLD ? 1 : 0;
    }
    return n;
  }

  /** A copy of the grid bytes. */
  @Override
  public byte[] cells() {
    return cells.clone();
  }

  /** The grid as text rows, one line per row. */
  public String ascii() {
    StringBuilder b = new StringBuilder((gridWidth() + 1) * gridHeight());
    for (int y = 0; y < gridHeight(); y++) {
      b.append(new String(cells, y * gridWidth(), gridWidth(), StandardCharsets.US_ASCII)).append('\n');
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoldScene s && s.width == width && s.height == height && s.steps == steps
        && s.maxSteps == maxSteps && s.gold == gold && Arrays.equals(s.cells, cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells) * 31 + steps;
  }

  @Override
  public String toString() {
    return "GoldScene[" + width + "x" + height + ", steps " + steps + "/" + maxSteps + "]\n" + ascii();
  }
}
