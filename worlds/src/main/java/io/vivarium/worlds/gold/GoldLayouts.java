package io.vivarium.worlds.gold;

import java.util.Arrays;

/**
 * Builds one episode's room from a seed: walls, the agent's cell and heading, the gold.
 *
 * <p>Works in place on a slice of a batch's grid with a worker's {@link Scratch}, so that
 * automatic resets inside a step never allocate. Stateless; thread-safe with one scratch per
 * thread.
 */
final class GoldLayouts {
  private GoldLayouts() {}

  /** A wall layout that leaves too little reachable room is redrawn; after this many, bare. */
  private static final int MAX_ATTEMPTS = 16;

  /** Per-thread working memory for layout generation and searches. */
  static final class Scratch {
    final SplitMix rng = new SplitMix();
    final int[] queue;
    final int[] candidates;
    final int[] mark;
    int epoch;

    Scratch(int cells) {
      queue = new int[cells];
      candidates = new int[cells];
      mark = new int[cells];
    }
  }

  /**
   * Writes a new room into {@code grid[base, base + cells)} and returns the agent as
   * {@code cell << 2 | heading}.
   *
   * @param radius the curriculum's Manhattan radius for gold around the agent; 0 for anywhere
   */
  static int generate(GoldPreset p, long seed, int radius, byte[] grid, int base, Scratch s) {
    s.rng.seed(seed);
    int gw = p.gridWidth();
    for (int attempt = 0; ; attempt++) {
      clear(p, grid, base);
      Layout layout = attempt < MAX_ATTEMPTS ? p.layout() : Layout.BARE;
      switch (layout) {
        case BARE -> { }
        case WALLS -> segments(p, grid, base, s.rng);
        case ROOMS -> rooms(p, grid, base, s.rng);
      }
      int floors = 0;
      for (int c = 0; c < p.cells(); c++) {
        if (grid[base + c] == Cell.FLOOR) {
          s.candidates[floors++] = c;
        }
      }
      int agent = s.candidates[s.rng.nextInt(floors)];
      int heading = s.rng.nextInt(4);
      int reachable = reach(grid, base, gw, agent, s);
      if (reachable - 1 < p.gold()) {
        continue;
      }
      placeGold(p, grid, base, agent, radius, reachable, s);
      grid[base + agent] = Cell.agent(heading);
      return agent << 2 | heading;
    }
  }

  /** Border walls around floor. */
  private static void clear(GoldPreset p, byte[] grid, int base) {
    int gw = p.gridWidth();
    int gh = p.gridHeight();
    Arrays.fill(grid, base, base + p.cells(), Cell.FLOOR);
    Arrays.fill(grid, base, base + gw, Cell.WALL);
    Arrays.fill(grid, base + (gh - 1) * gw, base + gh * gw, Cell.WALL);
    for (int y = 1; y < gh - 1; y++) {
      grid[base + y * gw] = Cell.WALL;
      grid[base + y * gw + gw - 1] = Cell.WALL;
    }
  }

  /** About one wall segment per 16 cells, each 2 to half a side long, clipped to the room. */
  private static void segments(GoldPreset p, byte[] grid, int base, SplitMix rng) {
    int count = Math.max(1, p.width() * p.height() / 16);
    int longest = Math.max(2, Math.min(p.width(), p.height()) / 2);
    for (int k = 0; k < count; k++) {
      boolean horizontal = rng.nextInt(2) == 0;
      int length = 2 + rng.nextInt(longest - 1);
      int x = 1 + rng.nextInt(p.width());
      int y = 1 + rng.nextInt(p.height());
      for (int j = 0; j < length && x <= p.width() && y <= p.height(); j++) {
        grid[base + y * p.gridWidth() + x] = Cell.WALL;
        if (horizontal) {
          x++;
        } else {
          y++;
        }
      }
    }
  }

  /**
   * Two to four rooms. Drawn as if the first wall were vertical; {@code t} transposes, so the
   * same code makes horizontal first walls.
   */
  private static void rooms(GoldPreset p, byte[] grid, int base, SplitMix rng) {
    int rooms = 2 + rng.nextInt(3);
    boolean t = rng.nextInt(2) == 0;
    int a = t ? p.height() : p.width(); // along the axis the first wall cuts
    int b = t ? p.width() : p.height(); // along the first wall
    int cut = 3 + rng.nextInt(a - 4); // first wall's position, leaving rooms at least 2 wide
    int cross = 3 + rng.nextInt(b - 4); // the perpendicular wall's position
    int gw = p.gridWidth();
    for (int j = 1; j <= b; j++) {
      put(grid, base, gw, t, cut, j, Cell.WALL);
    }
    if (rooms == 2) {
      put(grid, base, gw, t, cut, 1 + rng.nextInt(b), Cell.FLOOR);
      return;
    }
    int from = 1;
    int to = a;
    if (rooms == 3) { // the second wall splits one side only
      boolean low = rng.nextInt(2) == 0;
      from = low ? 1 : cut + 1;
      to = low ? cut - 1 : a;
    }
    for (int i = from; i <= to; i++) {
      put(grid, base, gw, t, i, cross, Cell.WALL);
    }
    if (rooms == 3) {
      int door = 1 + rng.nextInt(b - 1); // any row of the first wall except the crossing
      put(grid, base, gw, t, cut, door >= cross ? door + 1 : door, Cell.FLOOR);
      put(grid, base, gw, t, from + rng.nextInt(to - from + 1), cross, Cell.FLOOR);
      return;
    }
    put(grid, base, gw, t, cut, 1 + rng.nextInt(cross - 1), Cell.FLOOR);
    put(grid, base, gw, t, cut, cross + 1 + rng.nextInt(b - cross), Cell.FLOOR);
    put(grid, base, gw, t, 1 + rng.nextInt(cut - 1), cross, Cell.FLOOR);
    put(grid, base, gw, t, cut + 1 + rng.nextInt(a - cut), cross, Cell.FLOOR);
  }

  private static void put(byte[] grid, int base, int gw, boolean t, int i, int j, byte code) {
    int x = t ? j : i;
    int y = t ? i : j;
    grid[base + y * gw + x] = code;
  }

  /** Breadth-first flood from {@code start}; fills {@code s.queue} and returns the count. */
  static int reach(byte[] grid, int base, int gw, int start, Scratch s) {
    int epoch = ++s.epoch;
    int head = 0;
    int tail = 0;
    s.queue[tail++] = start;
    s.mark[start] = epoch;
    while (head < tail) {
      int c = s.queue[head++];
      for (int h = 0; h < 4; h++) {
        int q = c + Cell.DX[h] + Cell.DY[h] * gw;
        if (s.mark[q] != epoch && grid[base + q] != Cell.WALL) {
          s.mark[q] = epoch;
          s.queue[tail++] = q;
        }
      }
    }
    return tail;
  }

  /** Gold on distinct reachable cells within the radius (anywhere reachable if too few fit). */
  private static void placeGold(
      GoldPreset p, byte[] grid, int base, int agent, int radius, int reachable, Scratch s) {
    int gw = p.gridWidth();
    int n = 0;
    for (int k = 1; k < reachable; k++) { // queue[0] is the agent
      int c = s.queue[k];
      int d = Math.abs(c % gw - agent % gw) + Math.abs(c / gw - agent / gw);
      if (radius <= 0 || d <= radius) {
        s.candidates[n++] = c;
      }
    }
    if (n < p.gold()) {
      System.arraycopy(s.queue, 1, s.candidates, 0, reachable - 1);
      n = reachable - 1;
    }
    for (int g = 0; g < p.gold(); g++) { // partial Fisher–Yates
      int j = g + s.rng.nextInt(n - g);
      int c = s.candidates[j];
      s.candidates[j] = s.candidates[g];
      s.candidates[g] = c;
      grid[base + c] = Cell.GOLD;
    }
  }
}
