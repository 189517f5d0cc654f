package io.vivarium.lab.tutorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.core.Vocabulary;
import io.vivarium.worlds.gold.GoldScene;
import org.junit.jupiter.api.Test;

/** The qa and describe prompts give the brain the grid as one patch per cell, at its row and column. */
class TutorialTaskTest {
  private static final GoldScene SCENE = GoldScene.parse("""
      #####
      #.G.#
      #.>.#
      #####
      """);

  @Test
  void eachCellIsAOneHotPatchAtItsRowAndColumn() {
    Patches p = TutorialTask.cellPatches(SCENE, 2); // 2×2×3 = 12 values a patch
    assertThat(p.count()).isEqualTo(20);
    assertThat(p.rows()[7]).isEqualTo(1);
    assertThat(p.cols()[7]).isEqualTo(2);
    assertThat(kind(p, 0)).as("wall").isEqualTo(1);
    assertThat(kind(p, 6)).as("floor").isEqualTo(0);
    assertThat(kind(p, 7)).as("gold").isEqualTo(2);
    assertThat(kind(p, 12)).as("agent facing east").isEqualTo(4);
  }

  @Test
  void thePromptIsTheCellsThenTheQuestionAllPrefix() {
    BrainInput in = TutorialTask.prompt(SCENE, "where?", 4);
    assertThat(in.patches().count()).isEqualTo(20);
    assertThat(in.tokens()[0]).isEqualTo(Vocabulary.BOS);
    assertThat(in.tokens()[in.tokens().length - 1]).isEqualTo(Vocabulary.SEP);
    assertThat(in.tokens()).hasSize(1 + 1 + 6 + 1);
    assertThat(in.prefix()).isEqualTo(in.tokens().length);
  }

  @Test
  void aRoomLargerThanTheBrainsPatchGridIsRefusedClearly() {
    BrainShape small = BrainShape.preset("tiny").withPatches(4, 8);
    assertThatThrownBy(() -> TutorialTask.of("qa", "gold-bare-8x8", small))
        .hasMessageContaining("gold-bare-8x8 grid (10x10 cells) does not fit the brain's patch grid of 8x8");
  }

  @Test
  void theBlockIsRaisedToAMultipleOf64OnlyWhenTheExamplesNeedIt() {
    BrainShape tiny = BrainShape.preset("tiny");
    assertThat(TutorialTraining.fitted(tiny, tiny.block() - 16)).isSameAs(tiny);
    BrainShape raised = TutorialTraining.fitted(tiny, tiny.block());
    assertThat(raised.block()).isGreaterThanOrEqualTo(tiny.block() + 16).matches(b -> b % 64 == 0, "a multiple of 64");
    assertThat(raised.dim()).isEqualTo(tiny.dim());
  }

  private static int kind(Patches p, int cell) {
    int per = p.patch() * p.patch() * 3;
    int hot = -1;
    for (int v = 0; v < per; v++) {
      if (p.values()[cell * per + v] == 1f) {
        assertThat(hot).as("one value set in cell %d", cell).isEqualTo(-1);
        hot = v;
      }
    }
    return hot;
  }
}
