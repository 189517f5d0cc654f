package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Layouts: gold always reachable, rooms all joined, curriculum radius respected. */
class GoldLayoutsTest {
  @Test
  void everyLayoutKeepsTheGoldReachableAndTheBorderClosed() {
    for (String name : GoldPresets.names()) {
      GoldPreset p = GoldPresets.get(name);
      GoldLayouts.Scratch s = new GoldLayouts.Scratch(p.cells());
      byte[] grid = new byte[p.cells()];
      for (long seed = 0; seed < 300; seed++) {
        int a = GoldLayouts.generate(p, seed, 0, grid, 0, s);
        GoldScene scene = new GoldScene(p.width(), p.height(), grid, 0, p.maxSteps(), p.gold());
        assertThat(scene.goldLeft()).as("%s seed %d", name, seed).isEqualTo(p.gold());
        assertThat(scene.agentCell()).isEqualTo(a >>> 2);
        assertThat(GoldExpert.stepsToNearestGold(scene)).as("%s seed %d\n%s", name, seed, scene.ascii())
            .isPositive();
        for (int x = 0; x < p.gridWidth(); x++) {
          assertThat(scene.at(x, 0)).isEqualTo(Cell.WALL);
          assertThat(scene.at(x, p.gridHeight() - 1)).isEqualTo(Cell.WALL);
        }
      }
    }
  }

  @Test
  void roomsAreSeveralAndAllJoined() {
    GoldPreset p = GoldPresets.get("gold-rooms-11x11");
    GoldLayouts.Scratch s = new GoldLayouts.Scratch(p.cells());
    byte[] grid = new byte[p.cells()];
    int[] wallCells = new int[400];
    for (long seed = 0; seed < 400; seed++) {
      int a = GoldLayouts.generate(p, seed, 0, grid, 0, s);
      int free = 0;
      int walls = 0;
      for (int y = 1; y <= p.height(); y++) {
        for (int x = 1; x <= p.width(); x++) {
          free += grid[y * p.gridWidth() + x] != Cell.WALL ? 1 : 0;
          walls += grid[y * p.gridWidth() + x] == Cell.WALL ? 1 : 0;
        }
      }
      wallCells[(int) seed] = walls;
      assertThat(GoldLayouts.reach(grid, 0, p.gridWidth(), a >>> 2, s))
          .as("every free cell reachable, seed %d", seed).isEqualTo(free);
      assertThat(walls).isBetween(10, 17); // 2 rooms: 11 cells − 1 door; 4 rooms: 21 − 4 doors
    }
    assertThat(java.util.Arrays.stream(wallCells).distinct().count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void goldStaysWithinTheCurriculumRadius() {
    GoldPreset p = GoldPresets.get("gold-walls-8x8");
    GoldLayouts.Scratch s = new GoldLayouts.Scratch(p.cells());
    byte[] grid = new byte[p.cells()];
    for (int radius = 1; radius <= 3; radius++) {
      for (long seed = 0; seed < 200; seed++) {
        int a = GoldLayouts.generate(p, seed, radius, grid, 0, s) >>> 2;
        GoldScene scene = new GoldScene(p.width(), p.height(), grid, 0, p.maxSteps(), 1);
        int g = scene.goldCells()[0];
        int gw = p.gridWidth();
        int d = Math.abs(g % gw - a % gw) + Math.abs(g / gw - a / gw);
        int reached = GoldLayouts.reach(grid, 0, gw, a, s);
        int near = 0;
        for (int k = 1; k < reached; k++) {
          int c = s.queue[k];
          near += Math.abs(c % gw - a % gw) + Math.abs(c / gw - a / gw) <= radius ? 1 : 0;
        }
        // only when no reachable cell lies within the radius may the gold go further
        assertThat(d <= radius || near == 0).as("radius %d seed %d", radius, seed).isTrue();
        if (radius == 1 && near > 0) {
          assertThat(d).isEqualTo(1);
        }
      }
    }
  }
}
