package io.vivarium.brain.tutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tiny brain learns a lookup table of answers; the one-pass score agrees with greedy generation. */
class TextTutorTest {
  private static final String[][] TABLE = {{"ab", "yes"}, {"ba", "no"}, {"aa", "2"}, {"bb", "none"}};

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  static TextExample example(String prompt, String answer) {
    byte[] p = prompt.getBytes(StandardCharsets.US_ASCII);
    int[] tokens = new int[p.length + 3];
    tokens[0] = Vocabulary.BOS;
    tokens[1] = Vocabulary.marker(Channel.TEXT);
    for (int i = 0; i < p.length; i++) {
      tokens[i + 2] = Vocabulary.token(p[i]);
    }
    tokens[tokens.length - 1] = Vocabulary.SEP;
    return new TextExample(BrainInput.of(tokens, Channel.TEXT, tokens.length), answer.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<TextExample> table() {
    List<TextExample> out = new ArrayList<>();
    for (String[] row : TABLE) {
      out.add(example(row[0], row[1]));
    }
    return out;
  }

  @Test
  void learnsTheTableExactly() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 4, 32, 32, 0), 5);
        TextTutor tutor = new TextTutor(brain, 1.0)) {
      List<TextExample> all = table();
      assertThat(tutor.score(all)).isLessThan(1.0);
      Tutorial.Options o = new Tutorial.Options(150, 4, 3e-3, 10, 50, 1.0);
      List<Tutorial.Point> points = new ArrayList<>();
      Tutorial.Point last = Tutorial.run(tutor, k -> all, all, o, points::add);
      assertThat(points).hasSize(3);
      assertThat(points.get(2).loss()).isLessThan(points.get(0).loss());
      assertThat(last.metric()).isEqualTo("accuracy");
      assertThat(last.score()).isEqualTo(1.0);
      assertThat(last.csv().split(",")).hasSize(Tutorial.Point.csvHeader().split(",").length);
    }
  }

  @Test
  void theOnePassScoreIsGreedyGeneration() {
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(1, 4, 32, 32, 0), 7);
        TextTutor tutor = new TextTutor(brain, 1.0)) {
      List<TextExample> all = table();
      for (int round = 0; round < 4; round++) {
        int generated = 0;
        for (TextExample e : all) {
          byte[] out = brain.generate(e.prompt(), new Sampling(0, 0, 8, -1, Channel.TEXT), new SplittableRandom(1));
          generated += Arrays.equals(out, e.answer()) ? 1 : 0;
        }
        assertThat(tutor.score(all)).as("round %d", round).isEqualTo(generated / 4.0);
        for (int k = 0; k < 25; k++) {
          tutor.step(all, 3e-3);
        }
      }
    }
  }

  @Test
  void badExamplesAndOptionsAreRefused() {
    int[] tokens = {Vocabulary.BOS, Vocabulary.SEP};
    assertThatThrownBy(() -> new TextExample(BrainInput.of(tokens, Channel.TEXT, 1), new byte[1]))
        .hasMessageContaining("prompt must be all prefix");
    assertThatThrownBy(() -> new Tutorial.Options(0, 4, 1e-3, 0, 1, 1))
        .hasMessageContaining("a tutorial needs steps >= 1");
    Tutorial.Options o = new Tutorial.Options(100, 4, 1e-3, 10, 10, 1);
    assertThat(o.lrAt(0)).isLessThan(o.lrAt(9));
    assertThat(o.lrAt(10)).isEqualTo(1e-3);
    assertThat(o.lrAt(99)).isGreaterThan(1e-4).isLessThan(1.1e-4);
  }
}
