package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A byte language model's log-likelihood of byte ranges, over windows. */
class LmScorerTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(1, 2, 32, 32, 0);

  @Test
  void rangesAddUpAndWindowsCoverLongTexts() {
    byte[] text = "the owl waited by the quiet river".getBytes(StandardCharsets.US_ASCII); // 33 bytes
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      int n = 30; // one window of 32 holds bytes 0..31, predicting 1..31
      double[] whole = LmScorer.logLikelihood(brain, List.of(text), new int[] {1}, new int[] {n}, 31, 32);
      double[] parts = LmScorer.logLikelihood(brain, List.of(text, text), new int[] {1, 12}, new int[] {12, n}, 31, 32);
      assertThat(whole[0]).isNegative().isFinite();
      assertThat(parts[0] + parts[1]).isCloseTo(whole[0], within(1e-3));
      double[] windows = LmScorer.logLikelihood(brain, List.of(text), new int[] {1}, new int[] {text.length}, 8, 16);
      assertThat(windows[0]).isNegative().isFinite();
      assertThat(LmScorer.logLikelihood(brain, List.of(text), new int[] {5}, new int[] {5}, 8, 16)).containsExactly(0.0);
    }
  }

  @Test
  void badRangesAndWindowsAreNamed() {
    byte[] text = "abc".getBytes(StandardCharsets.US_ASCII);
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      assertThatThrownBy(() -> LmScorer.logLikelihood(brain, List.of(text), new int[] {0}, new int[] {3}, 4, 8))
          .hasMessageContaining("scored range [0, 3) of text 0 must lie in [1, 3]");
      assertThatThrownBy(() -> LmScorer.logLikelihood(brain, List.of(text), new int[] {1}, new int[] {3}, 8, 64))
          .hasMessageContaining("window must be at most the brain's block 32");
    }
  }
}
