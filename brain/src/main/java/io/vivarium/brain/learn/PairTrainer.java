package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.Acted;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.model.Transformer;
import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.Vocabulary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Supervised prompt → answer learning with the brain's prefix-LM mask: the prompt is the
 * observation prefix (attended fully), the answer bytes and a closing {@code <eos>} are the
 * generated part, and only they are scored (cross-entropy on the answer's positions). AdamW
 * with warm-up and cosine decay over a budget of iterations or minutes, whichever ends first.
 * {@link #answer} decodes greedily in the same layout, so what is trained is what is asked.
 *
 * <p>One trainer per run; not thread-safe. Backward passes record gradients
 * per thread ({@link Autograd}).
 */
public final class PairTrainer {
  /** One example: prompt bytes and the answer bytes the brain should generate after them. */
  public record Pair(byte[] prompt, byte[] answer) {
    public Pair {
      if (prompt.length == 0) {
        throw new IllegalArgumentException("a training pair needs a non-empty prompt");
      }
    }

    /** Tokens this pair occupies: marker, prompt, answer (its {@code <eos>} is only a target). */
    public int tokens() {
      return 1 + prompt.length + answer.length;
    }
  }

  /** Where examples come from; draws must depend only on {@code rng}. */
  @FunctionalInterface
  public interface Source {
    /** The next example. */
    Pair next(SplittableRandom rng);
  }

  /**
   * Settings of a run.
   *
   * @param iters the most iterations
   * @param seconds the most wall-clock seconds (0 = no limit)
   * @param batch pairs per iteration
   * @param lr peak learning rate; the schedule decays to lr/10
   * @param warmup linear warm-up iterations
   * @param weightDecay AdamW weight decay on matrices and embeddings
   * @param clip global gradient-norm limit
   * @param logInterval iterations between progress lines
   * @param seed seed of the example draws
   */
  public record Options(int iters, double seconds, int batch, double lr, int warmup,
      double weightDecay, double clip, int logInterval, long seed) {
    public Options {
      if (iters < 1 || batch < 1 || logInterval < 1 || warmup < 0) {
        throw new IllegalArgumentException("pair training needs iters, batch and log interval >= 1 "
            + "and warm-up >= 0; got iters " + iters + ", batch " + batch + ", log interval "
            + logInterval + ", warm-up " + warmup);
      }
      if (!(seconds >= 0) || !(lr > 0 && lr <= 1) || !(weightDecay >= 0) || !(clip >= 0)) {
        throw new IllegalArgumentException("pair training needs seconds >= 0, lr in (0, 1], weight "
            + "decay >= 0 and clip >= 0; got seconds " + seconds + ", lr " + lr + ", weight decay "
            + weightDecay + ", clip " + clip);
      }
    }

    /** The learning rate after {@code done} of the budget (0..1): warm-up, then cosine to lr/10. */
    double lrAt(int it, double done) {
      return Schedule.cosine(lr, warmup, 0).at(it, done);
    }
  }

  /** The outcome of a run: iterations done, the last logged mean loss, pairs seen. */
  public record Result(int iters, double loss, long pairs, double seconds) {}

  private final TorchBrain brain;
  private final Options options;

  public PairTrainer(TorchBrain brain, Options options) {
    this.brain = brain;
    this.options = options;
  }

  /**
   * Trains on pairs from {@code source} until the iteration or time budget is spent, printing
   * one progress line per log interval to {@code out}.
   */
  public Result train(Source source, PrintWriter out) {
    SplittableRandom rng = Seeds.random(options.seed(), "pair-batches", 0);
    long start = System.nanoTime();
    double budget = options.seconds() > 0 ? options.seconds() : Double.POSITIVE_INFINITY;
    double lossSum = 0;
    double lastLoss = Double.NaN;
    int logged = 0;
    long pairs = 0;
    int it = 0;
    try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, options.weightDecay()))) {
      for (; it < options.iters(); it++) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (elapsed >= budget) {
          break;
        }
        double done = Math.max((double) it / options.iters(), elapsed / budget);
        List<Pair> batch = draw(source, rng);
        pairs += batch.size();
        float loss = step(opt, batch, options.lrAt(it, done));
        if (!Float.isFinite(loss)) {
          throw new IllegalStateException("pair training diverged at iteration " + it + " (loss "
              + loss + "); lower --lr");
        }
        lossSum += loss;
        logged++;
        if ((it + 1) % options.logInterval() == 0) {
          lastLoss = lossSum / logged;
          out.printf(Locale.ROOT, "iter %d · loss %.4f · lr %.2e · %.1f s%n", it + 1, lastLoss,
              options.lrAt(it, done), (System.nanoTime() - start) / 1e9);
          out.flush();
          lossSum = 0;
          logged = 0;
        }
      }
    }
    if (logged > 0) {
      lastLoss = lossSum / logged;
    }
    return new Result(it, lastLoss, pairs, (System.nanoTime() - start) / 1e9);
  }

  private List<Pair> draw(Source source, SplittableRandom rng) {
    int block = brain.shape().block();
    List<Pair> batch = new ArrayList<>(options.batch());
    int refused = 0;
    while (batch.size() < options.batch()) {
      Pair p = source.next(rng);
      if (p.tokens() <= block) {
        batch.add(p);
      } else if (++refused > 100 * options.batch()) {
        throw new IllegalArgumentException("the training pairs need " + p.tokens()
            + " tokens but the brain's block is " + block + "; use a larger brain.block");
      }
    }
    return batch;
  }

  /** One optimisation step on {@code pairs}; returns the mean answer cross-entropy. */
  public float step(AdamW opt, List<Pair> pairs, double lr) {
    BiFunction<Weights, Arena, Tensor> loss = lossOf(pairs, true);
    return Steps.minimize(brain, opt, lr, options.clip(), loss);
  }

  /**
   * The mean answer cross-entropy of {@code brain} on {@code pairs}, without learning: what a
   * training step on them would lower.
   */
  public static float loss(TorchBrain brain, List<Pair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("the loss of no pairs is undefined; give at least one pair");
    }
    BiFunction<Weights, Arena, Tensor> loss = lossOf(pairs, false);
    return brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        return loss.apply(w, m).getFloat();
      }
    });
  }

  /** The answer cross-entropy of {@code pairs} as a function of the weights. */
  private static BiFunction<Weights, Arena, Tensor> lossOf(List<Pair> pairs, boolean training) {
    int b = pairs.size();
    List<BrainInput> inputs = new ArrayList<>(b);
    int longest = 1;
    for (Pair p : pairs) {
      longest = Math.max(longest, p.tokens());
    }
    int t = longest;
    long[] targets = new long[b * t];
    float[] weights = new float[b * t];
    for (int i = 0; i < b; i++) {
      BrainInput in = input(pairs.get(i));
      inputs.add(in);
      int n = in.tokens().length;
      for (int j = in.prefix() - 1; j < n; j++) {
        targets[i * t + j] = j + 1 < n ? in.tokens()[j + 1] : Vocabulary.EOS;
        weights[i * t + j] = 1f;
      }
    }
    return (w, m) -> {
      Batch batch = Batch.of(m, w.shape(), inputs);
      Tensor hidden = Transformer.hidden(w, batch, training); // (B, T, C)
      return Transformer.crossEntropy(Transformer.logits(w, hidden), m.create(targets, new Shape(b, t)),
          m.create(weights, new Shape(b, t)));
    };
  }

  /** The brain input of a pair: {@code <text> prompt… answer…}, the marker and prompt as prefix. */
  static BrainInput input(Pair p) {
    int[] tokens = new int[p.tokens()];
    tokens[0] = Vocabulary.marker(Channel.TEXT);
    for (int i = 0; i < p.prompt().length; i++) {
      tokens[1 + i] = Vocabulary.token(p.prompt()[i]);
    }
    for (int i = 0; i < p.answer().length; i++) {
      tokens[1 + p.prompt().length + i] = Vocabulary.token(p.answer()[i]);
    }
    return BrainInput.of(tokens, Channel.TEXT, 1 + p.prompt().length);
  }

  /** Whether row {@code row}'s partial answer {@code bytes} is still worth continuing. */
  @FunctionalInterface
  public interface Keep {
    boolean test(int row, byte[] bytes);
  }

  /**
   * Greedy answers of {@code brain} to {@code prompts}, at most {@code maxBytes} bytes each,
   * decoded in one batch; each {@link Acted} carries the log-probability of every token.
   */
  public static List<Acted> answer(TorchBrain brain, List<byte[]> prompts, int maxBytes) {
    return answer(brain, prompts, maxBytes, (row, bytes) -> true);
  }

  /**
   * Greedy answers as {@link #answer(TorchBrain, List, int)}, but a row stops as soon as
   * {@code keep} rejects its partial answer (the answer is then returned as far as it got,
   * without {@code <eos>}): a caller that can tell an answer is useless saves the passes.
   */
  public static List<Acted> answer(TorchBrain brain, List<byte[]> prompts, int maxBytes, Keep keep) {
    int n = prompts.size();
    BrainInput[] seqs = new BrainInput[n];
    int[][] tokens = new int[n][maxBytes];
    float[][] logProbs = new float[n][maxBytes];
    int[] counts = new int[n];
    boolean[] done = new boolean[n];
    for (int i = 0; i < n; i++) {
      seqs[i] = BrainInput.prompt(Channel.TEXT, prompts.get(i));
    }
    Sampling oneByte = new Sampling(0, 0, 1, -1, Channel.TEXT);
    for (int step = 0; step < maxBytes; step++) {
      List<Integer> rows = new ArrayList<>();
      List<BrainInput> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!done[i]) {
          rows.add(i);
          batch.add(seqs[i]);
        }
      }
      if (rows.isEmpty()) {
        break;
      }
      List<Acted> next = brain.act(batch, oneByte, new SplittableRandom(0));
      for (int r = 0; r < rows.size(); r++) {
        int i = rows.get(r);
        int token = next.get(r).tokens()[0];
        tokens[i][counts[i]] = token;
        logProbs[i][counts[i]++] = next.get(r).logProbs()[0];
        seqs[i] = seqs[i].append(token, Channel.TEXT);
        done[i] = token == Vocabulary.EOS || !keep.test(i, bytes(tokens[i], counts[i]));
      }
    }
    List<Acted> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] t = Arrays.copyOf(tokens[i], counts[i]);
      out.add(new Acted(t, bytes(t, t.length), Arrays.copyOf(logProbs[i], counts[i]), 0f));
    }
    return out;
  }

  private static byte[] bytes(int[] tokens, int count) {
    int n = count > 0 && tokens[count - 1] == Vocabulary.EOS ? count - 1 : count;
    byte[] b = new byte[n];
    for (int j = 0; j < n; j++) {
      b[j] = (byte) tokens[j];
    }
    return b;
  }
}
