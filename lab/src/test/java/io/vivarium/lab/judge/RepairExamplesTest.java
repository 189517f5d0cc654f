package io.vivarium.lab.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.lab.repair.HeuristicSolver;
import io.vivarium.lab.repair.Lexicon;
import io.vivarium.lab.repair.RepairSource;
import io.vivarium.worlds.repair.RepairWorld;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Graded repair answers: every kind made, every grade the world's. */
class RepairExamplesTest {
  private static final RepairSource SOURCE = RepairSource.open("repair-short", null, null);

  @Test
  void answersAreGradedByTheWorld() {
    RepairExamples ex = new RepairExamples(SOURCE, new HeuristicSolver(Lexicon.learn(SOURCE.corpus(), 200)));
    List<Graded> all = ex.make(false, 200, 7);
    assertThat(all.size()).isGreaterThanOrEqualTo(200);
    assertThat(all.stream().map(Graded::kind).collect(Collectors.toSet()))
        .contains("clean", "diff", "damaged", "half", "heuristic", "random-edit");
    for (Graded g : all) {
      assertThat(g.question()).isEqualTo(RepairExamples.QUESTION);
      if (g.kind().equals("clean") || g.kind().equals("diff")) {
        assertThat(g.yes()).as(g.kind()).isTrue();
      }
      if (g.kind().equals("damaged") || g.kind().equals("half-diff")) {
        assertThat(g.yes()).as(g.kind()).isFalse();
      }
    }
    assertThat(all.stream().filter(Graded::yes).count()).isBetween(40L, 160L);
    assertThat(ex.make(false, 200, 7)).isEqualTo(all);
    assertThat(ex.make(true, 50, 7).getFirst().prompt()).isNotEqualTo(all.getFirst().prompt());
  }

  @Test
  void halfRepairsAndRandomEditsChangeTheText() {
    assertThat(RepairExamples.halfRepair("the cta sat on teh mat", "the cat sat on the mat"))
        .isNotEqualTo("the cat sat on the mat").isNotEqualTo("the cta sat on teh mat");
    assertThat(RepairExamples.randomEdits("hello world", 1, new SplittableRandom(1))).isNotEqualTo("hello world");
    var e = new io.vivarium.worlds.repair.EpisodeMaker(SOURCE.preset(), SOURCE.corpus(),
        io.vivarium.worlds.repair.Corpus.Split.TRAIN).make(3);
    assertThat(RepairWorld.judge(e, RepairExamples.halfRepair(e.corrupted(), e.clean())).score().exact()).isFalse();
  }
}
