package io.vivarium.brain.judge;

import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.world.Judge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Judge} backed by an evaluator brain: P(yes) read from the brain's next-byte logits
 * after the question, the prompt and the answer ({@link JudgeText}).
 *
 * <p>Thread-safe: every forward pass runs under the brain's read lock, at most {@value #CHUNK}
 * texts at a time; training the brain meanwhile waits for the pass (and the other way round).
 */
public final class BrainJudge implements Judge, AutoCloseable {
  /** The most texts one forward pass reads. */
  static final int CHUNK = 32;

  /**
   * One question about an answer.
   *
   * @param question e.g. {@code Is the passage repaired?}
   * @param prompt what the answer answers
   * @param answer the answer judged
   */
  public record Asked(String question, String prompt, String answer) {
    public Asked {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(answer, "answer");
    }
  }

  private final TorchBrain brain;
  private final boolean owned;

  private BrainJudge(TorchBrain brain, boolean owned) {
    this.brain = brain;
    this.owned = owned;
  }

  /** A judge reading {@code brain}, which stays the caller's (training reads it this way). */
  public static BrainJudge of(TorchBrain brain) {
    return new BrainJudge(Objects.requireNonNull(brain, "brain"), false);
  }

  /**
   * The evaluator saved in {@code file}; closing the judge frees it.
   *
   * @throws IllegalArgumentException when the file is missing, damaged or not an evaluator brain
   */
  public static BrainJudge open(Path file) throws IOException {
    TorchBrain brain = TorchBrain.load(file);
    try {
      JudgeText.requireEvaluator(brain.trainedFor(), "brain file " + file);
    } catch (IllegalArgumentException e) {
      brain.close();
      throw e;
    }
    return new BrainJudge(brain, true);
  }

  /** The world whose answers this evaluator judges (its brain file's trained-for world, e.g. {@code repair}). */
  public String world() {
    return brain.trainedFor().map(t -> t.world()).orElse("");
  }

  @Override
  public double yes(String question, String prompt, String answer) {
    return yes(List.of(new Asked(question, prompt, answer)))[0];
  }

  /** P(yes) for each of {@code asked}, in order. */
  public double[] yes(List<Asked> asked) {
    int block = brain.shape().block();
    double[] out = new double[asked.size()];
    for (int from = 0; from < asked.size(); from += CHUNK) {
      List<byte[]> texts = new ArrayList<>();
      for (Asked a : asked.subList(from, Math.min(asked.size(), from + CHUNK))) {
        texts.add(JudgeText.encode(a.question(), a.prompt(), a.answer(), block));
      }
      float[] lp = brain.infer(w -> {
        try (Arena m = w.arena().newChild()) {
          return YesNo.logProbs(w, m, texts, false).toFloatArray(); // (B, 2)
        }
      });
      for (int i = 0; i < texts.size(); i++) {
        out[from + i] = Math.exp(lp[2 * i]);
      }
    }
    return out;
  }

  /** The brain's block: the most bytes of question, prompt and answer read. */
  public int block() {
    return brain.shape().block();
  }

  /** Frees the brain when the judge opened it; idempotent. */
  @Override
  public void close() {
    if (owned) {
      brain.close();
    }
  }
}
