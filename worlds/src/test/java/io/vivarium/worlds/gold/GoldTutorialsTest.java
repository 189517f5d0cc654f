package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.world.Image;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tutorial answers on hand-built scenes, and the datasets built from seeded scenes. */
class GoldTutorialsTest {
  private static final GoldScene EAST = GoldScene.parse("""
      #######
      #.....#
      #..>..#
      #....G#
      #.....#
      #######
      """);
  private static final GoldScene NORTH_LEFT = GoldScene.parse("""
      #######
      #.....#
      #.....#
      #G.^..#
      #.....#
      #######
      """);
  private static final GoldScene NORTH_BEHIND = GoldScene.parse("""
      #######
      #.....#
      #.^...#
      #.....#
      #.G...#
      #######
      """);
  private static final GoldScene TWO_TIED = GoldScene.parse("""
      #######
      #G....#
      #..v..#
      #.....#
      #...G.#
      #######
      """);

  @Test
  void answersAreExact() {
    assertAnswers(EAST, "ahead", "no", "4", "toward", "bottom right", "1", "east");
    assertAnswers(NORTH_LEFT, "left", "yes", "3", null, "bottom left", "1", "north");
    assertAnswers(NORTH_BEHIND, "behind", "no", "4", "away", "bottom left", "1", "north");
    assertAnswers(TWO_TIED, null, null, "4", null, null, "2", "south");
  }

  private static void assertAnswers(GoldScene s, String... expected) {
    Question[] all = Question.values();
    for (int k = 0; k < all.length; k++) {
      assertThat(all[k].answer(s)).as("%s on\n%s", all[k], s.ascii()).isEqualTo(expected[k]);
    }
  }

  @Test
  void everyTemplateHasSeveralPhrasingsAndAppearsInTheDataset() {
    Set<Question> seen = EnumSet.noneOf(Question.class);
    for (String preset : new String[] {"gold-bare-6x6", "gold-multi-8x8", "gold-walls-8x8"}) {
      List<GoldTutorials.QaExample> qa = GoldTutorials.qa(GoldPresets.get(preset), 3, 150);
      assertThat(qa).hasSize(150);
      for (GoldTutorials.QaExample e : qa) {
        seen.add(e.template());
        assertThat(e.template().phrasings()).contains(e.question());
        assertThat(e.answer()).isEqualTo(e.template().answer(e.scene()));
      }
      assertThat(GoldTutorials.qa(GoldPresets.get(preset), 3, 150)).isEqualTo(qa);
    }
    assertThat(seen).containsExactlyInAnyOrder(Question.values());
    for (Question q : Question.values()) {
      assertThat(q.phrasings().length).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void theLineRunsFromAgentToGoldInItsOwnColour() {
    GoldScene s = GoldScene.parse("""
        #####
        #>.G#
        #...#
        #####
        """);
    GoldRenderer r = new GoldRenderer(8);
    GoldTutorials.LineExample e = GoldTutorials.line(s, r);
    Image plain = e.picture();
    Image line = e.target();
    int changed = 0;
    for (int y = 0; y < plain.height(); y++) {
      for (int x = 0; x < plain.width(); x++) {
        boolean onLine = y == 12 && x >= 12 && x <= 28;
        assertThat(line.pixel(x, y)).isEqualTo(onLine ? GoldRenderer.LINE_RGB : plain.pixel(x, y));
        changed += line.pixel(x, y) != plain.pixel(x, y) ? 1 : 0;
      }
    }
    assertThat(changed).isPositive();
    assertThat(GoldTutorials.line(GoldPresets.get("gold-bare-8x8"), 1, 5)).hasSize(5);
  }

  @Test
  void descriptionsSayWhereEverythingIs() {
    assertThat(GoldTutorials.describe(EAST)).isEqualTo(
        "A 5 by 4 room with no inner walls; the agent is at column 3, row 2 facing east;"
            + " the gold is at column 5, row 3, 4 steps away.");
    assertThat(GoldTutorials.describe(TWO_TIED)).isEqualTo(
        "A 5 by 4 room with no inner walls; the agent is at column 3, row 2 facing south;"
            + " 2 gold pieces are left, the nearest 4 steps away.");
    assertThat(GoldTutorials.describe(GoldPresets.get("gold-walls-8x8"), 2, 3))
        .allSatisfy(d -> assertThat(d.sentence()).contains("inner wall cell"));
  }
}
