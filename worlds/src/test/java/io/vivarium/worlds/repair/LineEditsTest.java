package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.worlds.repair.Corpus.Split;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line-edit formulation: perfect answers restore single-line damage; bad answers change nothing. */
class LineEditsTest {
  private static final char SEP = LineEdits.SEP;

  @Test
  void answersNameWholeUniqueWordsAndTheirReplacement() {
    assertThat(LineEdits.answer("the kettle was strange, strange, but", "the kettle was strange, but"))
        .isEqualTo("strange, but" + SEP + "but"); // the longest common prefix decides where
    assertThat(LineEdits.answer("a cat<b> sat", "a cat sat")).isEqualTo("cat<b>" + SEP + "cat");
    assertThat(LineEdits.answer("the dog saw the cat", "the dog saw thecat"))
        .isEqualTo("the cat" + SEP + "thecat"); // "the" alone occurs twice, so the next word joins
    assertThat(LineEdits.answer("fine line", "fine line")).isEmpty();
    assertThat(LineEdits.answer("gluedwords here", "glued\nwords here"))
        .isEqualTo("gluedwords" + SEP + "glued\nwords");
  }

  @Test
  void applyingPerfectAnswersRestoresEverySingleLineDamage() {
    RepairPreset single = RepairPresets.get("repair-single");
    EpisodeMaker maker = new EpisodeMaker(single, single.builtInCorpus(), Split.TRAIN);
    int usable = 0;
    for (long seed = 0; seed < 400; seed++) {
      Episode e = maker.make(seed);
      List<LineEdits.Example> examples = LineEdits.examples(e.corrupted(), e.clean());
      if (examples.isEmpty()) {
        continue; // damage across lines: not expressible
      }
      usable++;
      List<String> lines = LineEdits.lines(e.corrupted());
      assertThat(examples).hasSize(lines.size());
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        answers.add(new String(examples.get(i).answer(), StandardCharsets.UTF_8));
        assertThat(examples.get(i).window()).isEqualTo(LineEdits.window(lines, i));
      }
      assertThat(answers.stream().filter(a -> !a.isEmpty())).as("seed %d", seed).hasSize(1);
      assertThat(LineEdits.assemble(lines, answers)).as("seed %d: %s", seed, e.diagnosis())
          .isEqualTo(e.clean());
    }
    assertThat(usable).isGreaterThan(300);
  }

  @Test
  void windowsShowTheNeighboursEdgesAndTheLine() {
    List<String> lines = List.of("first line of text here", "middle", "last line of the text");
    String w = new String(LineEdits.window(lines, 1), StandardCharsets.UTF_8);
    assertThat(w).isEqualTo("ine of text here" + LineEdits.FIELD + "middle" + LineEdits.FIELD
        + "last line of the" + LineEdits.END);
  }

  @Test
  void answersThatDoNotFitChangeNothing() {
    String line = "the cat sat on the mat";
    assertThat(LineEdits.apply(line, "")).isEqualTo(line);
    assertThat(LineEdits.apply(line, "no separator")).isEqualTo(line);
    assertThat(LineEdits.apply(line, "dog" + SEP + "cat")).isEqualTo(line);
    assertThat(LineEdits.apply(line, "the" + SEP + "a")).isEqualTo(line); // not unique
    assertThat(LineEdits.apply(line, SEP + "x")).isEqualTo(line);
    assertThat(LineEdits.apply(line, "cat sat" + SEP + "cat")).isEqualTo("the cat on the mat");
    assertThatThrownBy(() -> LineEdits.assemble(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one answer per line");
  }
}
