package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expert against brute force on small rooms, and the expert winning every preset. */
class GoldExpertTest {
  private static final int DEPTH = 11;

  @Test
  void breadthFirstPlansAreAsShortAsBruteForce() {
    for (long seed = 0; seed < 40; seed++) {
      GoldPreset p = GoldPreset.of("small", 3, 3, seed % 2 == 0 ? Layout.BARE : Layout.WALLS, 1);
      try (GoldWorld w = new GoldWorld(p)) {
        w.reset(seed);
        GoldScene scene = w.scene();
        int best = bruteForce(scene, DEPTH);
        assertThat(GoldExpert.plan(scene)).as("seed %d\n%s", seed, scene.ascii()).hasSize(best);
        assertThat(GoldExpert.stepsToNearestGold(scene)).isEqualTo(best);
      }
    }
  }

  @Test
  void severalGoldPlansMaximiseTheReturnLikeBruteForce() {
    for (long seed = 0; seed < 12; seed++) {
      GoldPreset p = GoldPreset.of("small2", 3, 3, Layout.BARE, 2);
      try (GoldWorld w = new GoldWorld(p)) {
        w.reset(seed);
        GoldScene scene = w.scene();
        double best = bestReturn(scene, DEPTH);
        assertThat(GoldExpert.optimalReturn(scene)).as("seed %d\n%s", seed, scene.ascii())
            .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  /** The fewest actions that eat all gold, by trying every sequence up to {@code depth}. */
  private static int bruteForce(GoldScene scene, int depth) {
    for (int d = 0; d <= depth; d++) {
      if (reachable(scene, d)) {
        return d;
      }
    }
    throw new AssertionError("no plan within " + depth + " steps");
  }

  private static boolean reachable(GoldScene scene, int d) {
    if (scene.goldLeft() == 0) {
      return true;
    }
    if (d == 0) {
      return false;
    }
    for (byte a : new byte[] {'L', 'R', 'F'}) {
      if (reachable(NaiveRules.step(scene, a).scene(), d - 1)) {
        return true;
      }
    }
    return false;
  }

  /** The largest return over every action sequence up to {@code depth}. */
  private static double bestReturn(GoldScene scene, int depth) {
    if (scene.goldLeft() == 0 || depth == 0) {
      return 0;
    }
    double best = 0;
    for (byte a : new byte[] {'L', 'R', 'F'}) {
      NaiveRules.Outcome o = NaiveRules.step(scene, a);
      best = Math.max(best, o.reward() + bestReturn(o.scene(), depth - 1));
    }
    return best;
  }

  @Test
  void theExpertAlwaysWinsWithTheOptimalReturn() {
    for (String name : GoldPresets.names()) {
      GoldPreset p = GoldPresets.get(name);
      try (GoldWorld w = new GoldWorld(p)) {
        for (long seed = 0; seed < 30; seed++) {
          w.reset(seed);
          double optimal = GoldExpert.optimalReturn(w.scene());
          double total = 0;
          Step s;
          do {
            s = w.step(GoldExpert.expertAction(w.scene()));
            total += s.reward();
          } while (!s.done());
          assertThat(s.terminated()).as("%s seed %d", name, seed).isTrue();
          assertThat(total).isCloseTo(optimal, org.assertj.core.data.Offset.offset(1e-12));
        }
      }
    }
  }

  @Test
  void demonstrationsReplayToTheSameReturn() {
    GoldPreset p = GoldPresets.get("gold-multi-8x8");
    List<GoldDemonstrations.Demonstration> demos = GoldDemonstrations.generate(p, 5, 4);
    assertThat(demos).hasSize(4);
    for (GoldDemonstrations.Demonstration d : demos) {
      int[] count = {0};
      GoldDemonstrations.replay(p, d, (o, a) -> {
        assertThat(o.bytes(io.vivarium.core.Channel.VIDEO)).hasSize(p.cells());
        count[0]++;
      });
      assertThat(count[0]).isEqualTo(d.actions().length);
      assertThat(d.totalReturn()).isGreaterThan(0.5);
    }
    assertThat(GoldDemonstrations.generate(p, 5, 4).get(2).actions()).isEqualTo(demos.get(2).actions());
  }
}
