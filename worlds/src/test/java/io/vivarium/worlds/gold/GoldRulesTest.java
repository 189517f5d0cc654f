package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rules on hand-built scenes, and random play checked against a naive reference. */
class GoldRulesTest {
  private static final String ROOM = """
      #####
      #^..#
      #..G#
      #####
      """;

  private static GoldWorld world(int gold, int maxSteps) {
    return new GoldWorld(GoldPreset.of("test", 3, 2, Layout.BARE, gold).withMaxSteps(maxSteps));
  }

  @Test
  void turnsChangeOnlyTheHeading() {
    try (GoldWorld w = world(1, 100)) {
      w.reset(GoldScene.parse(ROOM));
      String[] expected = {">", "v", "<", "^"};
      for (String e : expected) {
        Step s = w.step((byte) 'R');
        assertThat(w.scene().at(1, 1)).isEqualTo((byte) e.charAt(0));
        assertThat(s.reward()).isZero();
        assertThat(s.done()).isFalse();
      }
      w.step((byte) 'L');
      assertThat(w.scene().heading()).isEqualTo(Cell.WEST);
      assertThat(w.scene().steps()).isEqualTo(5);
    }
  }

  @Test
  void wallsBlockAndOtherBytesAreNoOpsThatCostAStep() {
    try (GoldWorld w = world(1, 100)) {
      w.reset(GoldScene.parse(ROOM));
      Step s = w.step((byte) 'F'); // north is the border
      assertThat(w.scene().agentCell()).isEqualTo(1 * 5 + 1);
      s = w.step((byte) 'x');
      assertThat(w.scene().agentCell()).isEqualTo(6);
      assertThat(w.scene().steps()).isEqualTo(2);
      assertThat(s.observation().bytes(Channel.MOTOR)).containsExactly('x');
      s = w.step(new Action(new byte[0], "F".getBytes(StandardCharsets.UTF_8)));
      assertThat(w.scene().agentCell()).isEqualTo(6); // text is not motor: a no-op
      assertThat(s.observation().bytes(Channel.MOTOR)).containsExactly(0);
    }
  }

  @Test
  void eatingTheGoldPaysMiniGridsRewardAndTerminates() {
    try (GoldWorld w = world(1, 24)) {
      w.reset(GoldScene.parse(ROOM));
      byte[] path = {'R', 'F', 'F', 'R', 'F'};
      Step s = null;
      for (byte a : path) {
        s = w.step(a);
      }
      assertThat(s.reward()).isEqualTo(1 - 0.9 * 5 / 24);
      assertThat(s.terminated()).isTrue();
      assertThat(s.truncated()).isFalse();
      assertThat(w.scene().goldLeft()).isZero();
      assertThatThrownBy(() -> w.step((byte) 'F')).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void severalGoldPiecesShareTheReward() {
    try (GoldWorld w = world(2, 24)) {
      w.reset(GoldScene.parse("""
          #####
          #>GG#
          #...#
          #####
          """));
      Step first = w.step((byte) 'F');
      assertThat(first.reward()).isEqualTo(0.5 * (1 - 0.9 * 1 / 24));
      assertThat(first.terminated()).isFalse();
      Step second = w.step((byte) 'F');
      assertThat(second.reward()).isEqualTo(0.5 * (1 - 0.9 * 2 / 24));
      assertThat(second.terminated()).isTrue();
    }
  }

  @Test
  void theStepLimitTruncatesUnlessTheLastStepEats() {
    try (GoldWorld w = world(1, 3)) {
      w.reset(GoldScene.parse(ROOM));
      assertThat(w.step((byte) 'L').done()).isFalse();
      assertThat(w.step((byte) 'L').done()).isFalse();
      Step s = w.step((byte) 'L');
      assertThat(s.truncated()).isTrue();
      assertThat(s.terminated()).isFalse();
      assertThat(s.reward()).isZero();
      w.reset(GoldScene.parse("""
          #####
          #..^#
          #..G#
          #####
          """).withSteps(2));
      s = w.step((byte) 'R'); // the scene starts at step 2 of 3
      assertThat(s.truncated()).isTrue();
    }
    try (GoldWorld w = world(1, 3)) {
      w.reset(GoldScene.parse("""
          #####
          #..v#
          #..G#
          #####
          """));
      w.step((byte) 'x');
      w.step((byte) 'x');
      Step s = w.step((byte) 'F');
      assertThat(s.terminated()).isTrue();
      assertThat(s.truncated()).isFalse();
      assertThat(s.reward()).isEqualTo(1 - 0.9 * 3 / 3);
    }
  }

  @Test
  void observationsCarryGridMissionAndPreviousAction() {
    try (GoldWorld w = world(1, 24)) {
      Observation o = w.reset(GoldScene.parse(ROOM));
      assertThat(new String(o.bytes(Channel.VIDEO), StandardCharsets.US_ASCII))
          .isEqualTo(ROOM.replace("\n", ""));
      assertThat(new String(o.bytes(Channel.TEXT), StandardCharsets.US_ASCII)).isEqualTo("get the gold");
      assertThat(o.bytes(Channel.MOTOR)).containsExactly(0);
      assertThat(o.hasImage()).isFalse();
    }
    try (GoldWorld w = new GoldWorld("gold-multi-8x8+rgb")) {
      Observation o = w.reset(1);
      assertThat(new String(o.bytes(Channel.TEXT), StandardCharsets.US_ASCII))
          .isEqualTo("get all 3 gold pieces");
      assertThat(o.image().width()).isEqualTo(80);
    }
  }

  @Test
  void theEgocentricViewTurnsWithTheAgent() {
    GoldPreset p = GoldPreset.of("ego", 3, 2, Layout.BARE, 1).withEgocentric(true);
    try (GoldWorld w = new GoldWorld(p)) {
      Observation o = w.reset(GoldScene.parse("""
          #####
          #>..#
          #..G#
          #####
          """));
      // facing east from (1,1): ahead runs along the row, the right hand points south
      assertThat(new String(o.bytes(Channel.VIDEO), StandardCharsets.US_ASCII)).isEqualTo(
          "#####"
              + "#####"
              + "##.G#"
              + "##..#"
              + "##^.#");
    }
  }

  @Test
  void randomPlayFollowsTheNaiveRulesInEveryLayout() {
    for (String name : GoldPresets.names()) {
      GoldPreset p = GoldPresets.get(name);
      try (GoldWorld w = new GoldWorld(p)) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        for (int episode = 0; episode < 5; episode++) {
          w.reset(rng.nextLong());
          GoldScene before = w.scene();
          for (boolean done = false; !done; ) {
            byte a = (byte) "LRFx".charAt(rng.nextInt(4));
            Step s = w.step(a);
            GoldScene after = w.scene();
            NaiveRules.Outcome expected = NaiveRules.step(before, a);
            assertThat(after.ascii()).as("%s after %c from\n%s", name, a, before.ascii())
                .isEqualTo(expected.scene().ascii());
            assertThat(s.reward()).isEqualTo(expected.reward());
            assertThat(s.terminated()).isEqualTo(expected.terminated());
            assertThat(s.truncated()).isEqualTo(expected.truncated());
            before = after;
            done = s.done();
          }
        }
      }
    }
  }
}
