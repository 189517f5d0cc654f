package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.Acted;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer.Pair;
import io.vivarium.core.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt → answer training: only the answer is scored, a toy mapping is learned, saved and answered. */
class PairTrainerTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 32, 32, 0);

  @TempDir Path dir;

  private static Pair pair(String prompt, String answer) {
    return new Pair(prompt.getBytes(StandardCharsets.US_ASCII), answer.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void theInputIsMarkerPromptAnswerWithThePromptAsPrefix() {
    var in = PairTrainer.input(pair("ab", "c"));
    assertThat(in.tokens()).containsExactly(Vocabulary.FIRST_CHANNEL, 'a', 'b', 'c');
    assertThat(in.prefix()).isEqualTo(3);
  }

  @Test
  void learnsAToyMappingSavesLoadsAndAnswers() throws IOException {
    // prompt "x=N;" → answer "N" (a copy), or an empty answer for "keep"
    PairTrainer.Source source = rng -> {
      int n = rng.nextInt(3);
      return n == 0 ? pair("keep;", "") : pair("x=" + n + ";", Integer.toString(n));
    };
    PairTrainer.Options o = new PairTrainer.Options(150, 0, 8, 1e-2, 10, 0, 1, 50, 7);
    StringWriter log = new StringWriter();
    Path file = dir.resolve("pairs.brain");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 3)) {
      PairTrainer.Result r = new PairTrainer(brain, o).train(source, new PrintWriter(log, true));
      assertThat(r.iters()).isEqualTo(150);
      assertThat(r.pairs()).isEqualTo(150 * 8);
      assertThat(log.toString()).contains("iter 50 · loss");
      assertThat(r.loss()).isLessThan(0.5);
      brain.save(file);
    }
    try (TorchBrain loaded = TorchBrain.load(file)) {
      List<Acted> a = PairTrainer.answer(loaded,
          List.of("x=1;".getBytes(StandardCharsets.US_ASCII), "keep;".getBytes(StandardCharsets.US_ASCII)), 4);
      assertThat(new String(a.get(0).bytes(), StandardCharsets.US_ASCII)).isEqualTo("1");
      assertThat(a.get(1).bytes()).isEmpty();
      assertThat(a.get(1).tokens()).containsExactly(Vocabulary.EOS);
      List<Acted> stopped = PairTrainer.answer(loaded, List.of("x=1;".getBytes(StandardCharsets.US_ASCII)), 4,
          (row, bytes) -> false);
      assertThat(stopped.get(0).tokens()).hasSize(1); // rejected after its first byte, no <eos>
      assertThat(new String(stopped.get(0).bytes(), StandardCharsets.US_ASCII)).isEqualTo("1");
    }
  }

  @Test
  void badSettingsAndOversizedPairsAreRefusedClearly() {
    assertThatThrownBy(() -> new PairTrainer.Options(0, 0, 8, 1e-3, 0, 0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iters 0");
    assertThatThrownBy(() -> new PairTrainer.Options(1, -1, 8, 1e-3, 0, 0, 1, 1, 1))
        .hasMessageContaining("seconds -1");
    assertThatThrownBy(() -> new Pair(new byte[0], new byte[1])).hasMessageContaining("non-empty prompt");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 3)) {
      PairTrainer t = new PairTrainer(brain, new PairTrainer.Options(1, 0, 2, 1e-3, 0, 0, 1, 1, 1));
      assertThatThrownBy(() -> t.train(rng -> pair("p".repeat(40), "a"), new PrintWriter(new StringWriter())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brain's block is 32");
    }
  }
}
