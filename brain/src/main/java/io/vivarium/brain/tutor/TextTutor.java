package io.vivarium.brain.tutor;

import io.vivarium.brain.Autograd;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Steps;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches answers to prompts: cross-entropy on the answer's bytes and the final {@code <eos>}
 * under teacher forcing, nothing on the prompt.
 *
 * <p>The score is exact-match accuracy of greedy generation. It is computed in one forward
 * pass: greedy decoding (the most likely byte or {@code <eos>}, as {@link TorchBrain#generate}
 * does at temperature 0) writes exactly the answer if and only if, fed the true answer, the
 * most likely token at every answer position is the true next one (by induction over the
 * positions). Not thread-safe.
 */
public final class TextTutor implements Tutor<TextExample> {
  private static final int SCORE_BATCH = 64;
  private final TorchBrain brain;
  private final AdamW opt;
  private final double clip;

  /** A tutor of {@code brain}, clipping the global gradient norm at {@code clip} (0 = none). */
  public TextTutor(TorchBrain brain, double clip) {
    this.brain = brain;
    this.clip = clip;
    this.opt = brain.update(w -> new AdamW(w, 0.9, 0.95, 1e-8, 0.0));
  }

  @Override
  public String metric() {
    return "accuracy";
  }

  @Override
  public float step(List<TextExample> batch, double lr) {
    Rows r = rows(batch);
    return Steps.minimize(brain, opt, lr, clip, (w, m) -> {
      Batch b = Batch.of(m, w.shape(), r.inputs);
      Tensor targets = m.create(r.targets, new Shape(b.size(), b.sequence())); // (B, S)
      Tensor weights = m.create(r.weights, new Shape(b.size(), b.sequence())); // (B, S)
      Tensor logits = Transformer.logits(w, Transformer.hidden(w, b, true)); // (B, S, V)
      return Transformer.crossEntropy(logits, targets, weights);
    });
  }

  @Override
  public double score(List<TextExample> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("scoring needs at least one example; got none");
    }
    int right = 0;
    for (int from = 0; from < examples.size(); from += SCORE_BATCH) {
      right += exact(examples.subList(from, Math.min(examples.size(), from + SCORE_BATCH)));
    }
    return (double) right / examples.size();
  }

  /** How many of {@code batch} greedy decoding answers exactly. */
  private int exact(List<TextExample> batch) {
    Rows r = rows(batch);
    long[] argmax = brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Autograd.off();
        Batch b = Batch.of(m, w.shape(), r.inputs);
        Tensor logits = Transformer.logits(w, Transformer.hidden(w, b, false)); // (B, S, V)
        return logits.add(m.create(sampleable(w.shape().vocab()))).argMax(-1).toLongArray(); // (B, S)
      }
    });
    int right = 0;
    for (int i = 0; i < batch.size(); i++) {
      boolean all = true;
      for (int j = i * r.width; j < (i + 1) * r.width && all; j++) {
        all = r.weights[j] == 0 || argmax[j] == r.targets[j];
      }
      right += all ? 1 : 0;
    }
    return right;
  }

  /** 0 for the tokens greedy decoding may choose (bytes and {@code <eos>}), -1e9 for the rest. */
  private static float[] sampleable(int vocab) {
    float[] mask = new float[vocab];
    for (int t = 0; t < vocab; t++) {
      mask[t] = Vocabulary.isByte(t) || t == Vocabulary.EOS ? 0f : -1e9f;
    }
    return mask;
  }

  /** Inputs, and targets and weights laid out over the batch's (B, S) positions. */
  private record Rows(List<BrainInput> inputs, long[] targets, float[] weights, int width) {}

  private static Rows rows(List<TextExample> batch) {
    List<BrainInput> inputs = new ArrayList<>(batch.size());
    int tokens = 1;
    for (TextExample e : batch) {
      inputs.add(e.input());
      tokens = Math.max(tokens, e.input().tokens().length);
    }
    int patches = inputs.get(0).patches().count();
    int s = patches + tokens;
    long[] targets = new long[batch.size() * s]; // (B, S)
    float[] weights = new float[batch.size() * s]; // (B, S)
    for (int i = 0; i < batch.size(); i++) {
      TextExample e = batch.get(i);
      int[] t = e.targets();
      int first = i * s + patches + e.prompt().tokens().length - 1;
      for (int k = 0; k < t.length; k++) {
        targets[first + k] = t[k];
        weights[first + k] = 1f;
      }
    }
    return new Rows(inputs, targets, weights, s);
  }

  @Override
  public void close() {
    opt.close();
  }
}
