package io.vivarium.brain.judge;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.Channel;
import java.util.ArrayList;
import java.util.List;

/** The evaluator's forward pass: log P(yes), log P(no) after each text. Stateless. */
final class YesNo {
  private YesNo() {}

  /**
   * Log-probabilities (B, 2) — column 0 yes, column 1 no — of the byte after each of
   * {@code texts} (each at most the block, at least one byte), renormalised over the two bytes.
   */
  static Tensor logProbs(Weights w, Arena m, List<byte[]> texts, boolean training) {
    List<BrainInput> inputs = new ArrayList<>(texts.size());
    for (byte[] t : texts) {
      int[] tokens = new int[t.length];
      for (int i = 0; i < t.length; i++) {
        tokens[i] = t[i] & 0xFF;
      }
      inputs.add(BrainInput.of(tokens, Channel.TEXT, 0)); // causal, as the language model reads
    }
    int b = texts.size();
    Batch batch = Batch.of(m, w.shape(), inputs);
    Tensor last = Transformer.last(w, batch, training).expandDims(1); // (B, 1, C)
    Tensor logits = Transformer.logits(w, last); // (B, 1, V)
    long[] pick = new long[2 * b];
    for (int i = 0; i < b; i++) {
      pick[2 * i] = JudgeText.YES;
      pick[2 * i + 1] = JudgeText.NO;
    }
    Tensor two = logits.gather(m.create(pick, new Shape(b, 1, 2)), 2).squeeze(1); // (B, 2)
    return two.logSoftmax(1);
  }
}
