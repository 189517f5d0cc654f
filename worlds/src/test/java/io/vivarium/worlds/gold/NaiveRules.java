package io.vivarium.worlds.gold;

/** The rules written the plain way over scenes, as a reference for the batch's fast path. */
final class NaiveRules {
  private NaiveRules() {}

  record Outcome(GoldScene scene, double reward, boolean terminated, boolean truncated) {}

  static Outcome step(GoldScene s, byte action) {
    byte[] cells = s.cells();
    int gw = s.gridWidth();
    int x = s.agentCell() % gw;
    int y = s.agentCell() / gw;
    int heading = s.heading();
    double reward = 0;
    int left = s.goldLeft();
    switch (action) {
      case 'L' -> heading = (heading + 3) % 4;
      case 'R' -> heading = (heading + 1) % 4;
      case 'F' -> {
        int nx = x + new int[] {0, 1, 0, -1}[heading];
        int ny = y + new int[] {-1, 0, 1, 0}[heading];
        if (cells[ny * gw + nx] != '#') {
          if (cells[ny * gw + nx] == 'G') {
            left--;
            reward = (1.0 - 0.9 * (s.steps() + 1) / s.maxSteps()) / s.gold();
          }
          cells[y * gw + x] = '.';
          x = nx;
          y = ny;
        }
      }
      default -> { }
    }
    cells[y * gw + x] = (byte) "^>v<".charAt(heading);
    int steps = s.steps() + 1;
    boolean terminated = left == 0;
    GoldScene next = new GoldScene(s.width(), s.height(), cells, steps, s.maxSteps(), s.gold());
    return new Outcome(next, reward, terminated, !terminated && steps >= s.maxSteps());
  }
}
