package io.vivarium.worlds.gold;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The exact expert: shortest paths over (x, y, heading), extended by the set of gold already
 * eaten when there are several pieces.
 *
 * <p>With one gold piece this is breadth-first search and the plan is a shortest path. With
 * several, the return {@code Σ (1/G)(1 − 0.9·t_j/T)} is largest when the sum of the eating
 * times {@code t_j} is smallest, so every step costs the number of pieces still uneaten and the
 * search is Dijkstra's (costs 1…G). Both assume the step limit does not bind; gold the plan
 * would eat after the limit counts zero in {@link #optimalReturn}. Ties go to forward, then
 * left, then right.
 *
 * <p>Stateless; thread-safe.
 */
public final class GoldExpert {
  private GoldExpert() {}

  private static final byte[] ACTIONS = {'F', 'L', 'R'};

  /** The optimal action sequence from {@code scene} until all gold is eaten. */
  public static byte[] plan(GoldScene scene) {
    int gw = scene.gridWidth();
    byte[] cells = scene.cells();
    int n = cells.length;
    int[] gold = scene.goldCells();
    if (gold.length > 16) {
      throw new IllegalArgumentException("the expert plans for at most 16 gold pieces; got " + gold.length);
    }
    int[] goldIndex = new int[n];
    Arrays.fill(goldIndex, -1);
    for (int j = 0; j < gold.length; j++) {
      goldIndex[gold[j]] = j;
    }
    int full = (1 << gold.length) - 1;
    int states = n * 4 << gold.length; // state = (mask · n + cell) · 4 + heading
    int[] dist = new int[states];
    int[] parent = new int[states];
    byte[] how = new byte[states];
    Arrays.fill(dist, Integer.MAX_VALUE);
    int start = scene.agentCell() * 4 + scene.heading();
    dist[start] = 0;
    PriorityQueue<long[]> open = new PriorityQueue<>((a, b) ->
        a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long order = 0;
    open.add(new long[] {0, order++, start});
    while (!open.isEmpty()) {
      long[] top = open.poll();
      int s = (int) top[2];
      if (top[0] > dist[s]) {
        continue;
      }
      int mask = s / 4 / n;
      if (mask == full) {
        return path(s, start, parent, how);
      }
      int cell = s / 4 % n;
      int h = s & 3;
      int cost = gold.length - Integer.bitCount(mask);
      for (byte a : ACTIONS) {
        int next = next(cells, gw, goldIndex, cell, h, mask, a, n);
        if (next >= 0 && dist[s] + cost < dist[next]) {
          dist[next] = dist[s] + cost;
          parent[next] = s;
          how[next] = a;
          open.add(new long[] {dist[next], order++, next});
        }
      }
    }
    throw new IllegalArgumentException("no path reaches all the gold in this scene:\n" + scene.ascii());
  }

  /** The state after action {@code a}, or -1 when a wall makes it a no-op. */
  private static int next(byte[] cells, int gw, int[] goldIndex, int cell, int h, int mask,
      byte a, int n) {
    if (a == 'L') {
      return (mask * n + cell) * 4 + Cell.left(h);
    }
    if (a == 'R') {
      return (mask * n + cell) * 4 + Cell.right(h);
    }
    int q = cell + Cell.DX[h] + Cell.DY[h] * gw;
    if (cells[q] == Cell.WALL) {
      return -1;
    }
    int m = goldIndex[q] >= 0 ? mask | 1 << goldIndex[q] : mask;
    return (m * n + q) * 4 + h;
  }

  private static byte[] path(int goal, int start, int[] parent, byte[] how) {
    int length = 0;
    for (int s = goal; s != start; s = parent[s]) {
      length++;
    }
    byte[] actions = new byte[length];
    for (int s = goal, k = length - 1; s != start; s = parent[s], k--) {
      actions[k] = how[s];
    }
    return actions;
  }

  /** The first action of an optimal plan, or {@code 0} when no gold is left. */
  public static byte expertAction(GoldScene scene) {
    if (scene.goldLeft() == 0) {
      return 0;
    }
    byte[] plan = plan(scene);
    return plan[0];
  }

  /** The return an optimal player collects from {@code scene} to the episode's end. */
  public static double optimalReturn(GoldScene scene) {
    if (scene.goldLeft() == 0) {
      return 0;
    }
    byte[] plan = plan(scene);
    GoldScene s = scene;
    double total = 0;
    int gw = scene.gridWidth();
    byte[] cells = scene.cells();
    int agent = scene.agentCell();
    int h = scene.heading();
    for (int k = 0; k < plan.length; k++) {
      int t = scene.steps() + k + 1;
      if (plan[k] == 'F') {
        int q = agent + Cell.DX[h] + Cell.DY[h] * gw;
        if (cells[q] == Cell.GOLD && t <= s.maxSteps()) {
          total += (1.0 - 0.9 * t / s.maxSteps()) / s.gold();
        }
        cells[q] = Cell.FLOOR;
        agent = q;
      } else {
        h = plan[k] == 'L' ? Cell.left(h) : Cell.right(h);
      }
    }
    return total;
  }

  /** Steps on a shortest path from the agent to the nearest gold (breadth-first search). */
  public static int stepsToNearestGold(GoldScene scene) {
    int gw = scene.gridWidth();
    byte[] cells = scene.cells();
    int n = cells.length;
    int[] dist = new int[n * 4];
    Arrays.fill(dist, -1);
    int[] queue = new int[n * 4];
    int head = 0;
    int tail = 0;
    int start = scene.agentCell() * 4 + scene.heading();
    dist[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
      int s = queue[head++];
      int cell = s >> 2;
      int h = s & 3;
      int[] nexts = {cell * 4 + Cell.left(h), cell * 4 + Cell.right(h),
          (cell + Cell.DX[h] + Cell.DY[h] * gw) * 4 + h};
      for (int k = 0; k < 3; k++) {
        int q = nexts[k];
        if (cells[q >> 2] == Cell.WALL || dist[q] >= 0) {
          continue;
        }
        dist[q] = dist[s] + 1;
        if (cells[q >> 2] == Cell.GOLD) {
          return dist[q];
        }
        queue[tail++] = q;
      }
    }
    return -1;
  }
}
