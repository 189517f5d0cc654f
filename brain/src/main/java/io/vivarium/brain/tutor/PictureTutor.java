package io.vivarium.brain.tutor;

import io.vivarium.brain.Autograd;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Index;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Patches;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.Steps;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Teaches pictures through the patch decoder. The brain reads the input patches and one
 * {@code <bos>}; the decoder's output at each patch position is read as the change to that
 * patch (target − input), so copying the picture costs nothing and only the marks are learned.
 * The loss is the squared error of that change, with values that do change weighted
 * {@code markWeight} times (marks are a few pixels of many).
 *
 * <p>The score is the mean over examples of the intersection over union of the marked pixels:
 * a pixel is marked in the target when some colour value differs from the input by more than
 * {@link #MARK}, and in the prediction when some predicted change exceeds it (an example
 * without marks in either counts 1). Not thread-safe.
 */
public final class PictureTutor implements Tutor<PictureExample> {
  /** The colour change (of 1) above which a pixel counts as marked. */
  public static final float MARK = 0.25f;
  private static final int SCORE_BATCH = 32;
  private final TorchBrain brain;
  private final AdamW opt;
  private final double clip;
  private final float markWeight;

  /** A tutor of {@code brain}; {@code markWeight} ≥ 1 weighs the changing values in the loss. */
  public PictureTutor(TorchBrain brain, double clip, double markWeight) {
    if (!(markWeight >= 1 && markWeight <= 1e4)) {
      throw new IllegalArgumentException("mark weight must be between 1 and 10000; got " + markWeight);
    }
    this.brain = brain;
    this.clip = clip;
    this.markWeight = (float) markWeight;
    this.opt = brain.update(w -> new AdamW(w, 0.9, 0.95, 1e-8, 0.0));
  }

  @Override
  public String metric() {
    return "iou";
  }

  @Override
  public float step(List<PictureExample> batch, double lr) {
    int n = batch.get(0).input().count();
    int p3 = batch.get(0).input().values().length / n;
    float[] change = new float[batch.size() * n * p3]; // (B, N, P3)
    float[] weight = new float[change.length]; // (B, N, P3)
    for (int i = 0; i < batch.size(); i++) {
      float[] in = batch.get(i).input().values();
      float[] out = batch.get(i).target().values();
      for (int v = 0; v < in.length; v++) {
        change[i * in.length + v] = out[v] - in[v];
        weight[i * in.length + v] = Math.abs(out[v] - in[v]) > MARK ? markWeight : 1f;
      }
    }
    List<BrainInput> inputs = inputs(batch);
    Shape shape = new Shape(batch.size(), n, p3);
    return Steps.minimize(brain, opt, lr, clip, (w, m) -> {
      Tensor weights = m.create(weight, shape); // (B, N, P3)
      return decode(w, Batch.of(m, w.shape(), inputs), n, true).sub(m.create(change, shape)).square().mul(weights)
          .sum().div(weights.sum());
    });
  }

  @Override
  public double score(List<PictureExample> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("scoring needs at least one example; got none");
    }
    double sum = 0;
    for (int from = 0; from < examples.size(); from += SCORE_BATCH) {
      List<PictureExample> batch = examples.subList(from, Math.min(examples.size(), from + SCORE_BATCH));
      float[] decoded = predict(batch); // (B, N, P3)
      int per = batch.get(0).input().values().length;
      for (int i = 0; i < batch.size(); i++) {
        sum += iou(batch.get(i), decoded, i * per);
      }
    }
    return sum / examples.size();
  }

  /** The predicted change of every patch value, (B, N, P3) flattened. */
  public float[] predict(List<PictureExample> batch) {
    int n = batch.get(0).input().count();
    List<BrainInput> inputs = inputs(batch);
    return brain.update(w -> {
      try (Arena m = w.arena().newChild()) {
        Autograd.off();
        return decode(w, Batch.of(m, w.shape(), inputs), n, false).toFloatArray();
      }
    });
  }

  /** Intersection over union of marked pixels; {@code decoded} holds the example's change at {@code off}. */
  static double iou(PictureExample e, float[] decoded, int off) {
    float[] in = e.input().values();
    float[] out = e.target().values();
    int both = 0;
    int either = 0;
    for (int px = 0; px < in.length; px += 3) {
      boolean truth = false;
      boolean guess = false;
      for (int c = px; c < px + 3; c++) {
        truth |= Math.abs(out[c] - in[c]) > MARK;
        guess |= Math.abs(decoded[off + c]) > MARK;
      }
      both += truth && guess ? 1 : 0;
      either += truth || guess ? 1 : 0;
    }
    return either == 0 ? 1.0 : (double) both / either;
  }

  /** The decoder's output at the N patch positions: (B, N, P3). */
  private static Tensor decode(io.vivarium.brain.model.Weights w, Batch b, int n, boolean training) {
    Tensor hidden = Transformer.hidden(w, b, training); // (B, N + T, C)
    return Transformer.patches(w, hidden.get(new Index(":, :" + n + ", :"))); // (B, N, P3)
  }

  private static List<BrainInput> inputs(List<PictureExample> batch) {
    List<BrainInput> inputs = new ArrayList<>(batch.size());
    for (PictureExample e : batch) {
      Patches p = e.input();
      inputs.add(new BrainInput(new int[] {Vocabulary.BOS}, new byte[] {(byte) Channel.TEXT.ordinal()}, 1, p));
    }
    return inputs;
  }

  @Override
  public void close() {
    opt.close();
  }
}
