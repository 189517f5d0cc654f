package io.vivarium.lab.think;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.PairTrainer;
import io.vivarium.brain.learn.PairTrainer.Pair;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Training on conclusions: prompt → answer learning ({@link PairTrainer}) on queued examples, the
 * prompt being the context the tree's root was expanded from ({@link ThoughtText}) and the answer
 * the conclusion and a newline, so the brain afterwards starts a tree on that question from its
 * conclusion. Stateless.
 */
public final class ConclusionTraining {
  private ConclusionTraining() {}

  /** The training pairs of {@code examples}, for a brain of {@code block} tokens. */
  public static List<Pair> pairs(List<ConclusionQueue.Example> examples, int block) {
    List<Pair> out = new ArrayList<>(examples.size());
    for (ConclusionQueue.Example e : examples) {
      byte[] answer = (e.conclusion() + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] prompt = ThoughtText.context(e.memories(), e.query(), "", block - answer.length - 2);
      if (prompt.length > 0 && 1 + prompt.length + answer.length <= block) {
        out.add(new Pair(prompt, answer));
      }
    }
    return out;
  }

  /**
   * Trains {@code brain} for {@code iters} iterations at peak learning rate {@code lr} on
   * {@code examples} (batches drawn from them with {@code seed}); returns the run's result.
   */
  public static PairTrainer.Result train(TorchBrain brain, List<ConclusionQueue.Example> examples, int iters,
      double lr, long seed, PrintWriter log) {
    List<Pair> pairs = pairs(examples, brain.shape().block());
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no queued conclusion fits the brain's block of "
          + brain.shape().block() + " tokens; think more questions first or use a brain with a larger block");
    }
    PairTrainer.Options o = new PairTrainer.Options(Math.max(1, iters), 0, Math.min(8, pairs.size()), lr,
        Math.min(10, iters / 10), 0, 1, Math.max(1, iters), seed);
    return new PairTrainer(brain, o).train(rng -> pairs.get(rng.nextInt(pairs.size())), log);
  }

  /** The brain's mean answer loss on {@code examples}' conclusions. */
  public static double loss(TorchBrain brain, List<ConclusionQueue.Example> examples) {
    return PairTrainer.loss(brain, pairs(examples, brain.shape().block()));
  }
}
