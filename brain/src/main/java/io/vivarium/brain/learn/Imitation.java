package io.vivarium.brain.learn;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.Autograd;
import io.vivarium.brain.policy.Policy;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.BcConfig;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.OptimizerConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Imitation learning from a world's expert (seed 001's "fake traces"): behaviour cloning, where
 * the expert drives and the brain learns its choices, DAgger (Ross et al. 2011), where the brain
 * drives and every state it visits is labelled with the expert's action, or a mixture: the brain
 * drives the first {@code round(drive·N)} instances and the expert the rest, every state labelled
 * (the loop does the driving, as {@link #needs()} asks). Labelled states go to a bounded buffer;
 * each update takes gradient steps of cross-entropy on minibatches drawn from it. The value head
 * learns too: each state's target is the discounted return of its episode from there on, known
 * when the episode ends, so that PPO after cloning ({@code bc+ppo}) starts with a fitted critic.
 *
 * <p>In byte-sequence worlds the expert is the batch's {@link io.vivarium.core.world.TextExpert}
 * and cloning is teacher forcing: each step maximises the mean log-probability of the expert
 * answer's tokens (its bytes, then {@code <eos>} unless it fills the action) given the state,
 * scored at the actors' sampling temperature as {@link Policy#sequence} scores GRPO's samples.
 * States whose answer is empty (nothing to copy, e.g. a person's question) are skipped. No
 * value targets: GRPO after cloning ({@code bc+grpo}) has no critic. Its stats add the token
 * accuracy of the arg-max under teacher forcing ({@code accuracy}) and the share of answers whose
 * every token is the arg-max ({@code exact_match}, i.e. greedy decoding would write them).
 *
 * <p>Not thread-safe; backward passes record per thread ({@link Autograd}).
 */
public final class Imitation extends OptimizedLearner {
  /** Discount of the returns the value head learns (PPO's default γ). */
  static final double GAMMA = 0.99;
  /** Weight of the value loss beside the cross-entropy (PPO's default value coefficient). */
  static final float VALUE_COEF = 0.5f;

  private final BcConfig options;
  private final double temperature;
  private final Schedule schedule;
  private final int instances;
  private final SplittableRandom rng;
  private final LabelledStates states;
  /** The states of each instance's current episode and their rewards, until it ends and their returns are known. */
  private final long[][] pendingStamps;
  private final float[][] pendingRewards;
  private final int[] pending;

  /** A learner of {@code brain} over {@code instances} worlds; answers are scored at temperature 1. */
  public Imitation(TorchBrain brain, BcConfig options, OptimizerConfig optimizer, Schedule schedule, int instances,
      long seed) {
    this(brain, options, optimizer, schedule, instances, seed, 1.0);
  }

  /** A learner of {@code brain} over {@code instances} worlds; answers are scored at {@code temperature}. */
  public Imitation(TorchBrain brain, BcConfig options, OptimizerConfig optimizer, Schedule schedule, int instances,
      long seed, double temperature) {
    super(brain, optimizer);
    this.options = options;
    this.temperature = temperature;
    this.schedule = schedule;
    this.instances = instances;
    this.rng = Seeds.random(seed, "imitation", 0);
    this.states = new LabelledStates(Math.max(options.buffer(), options.minibatch()));
    this.pending = new int[instances];
    this.pendingStamps = new long[instances][64];
    this.pendingRewards = new float[instances][64];
  }

  @Override
  public LearnMethod method() {
    return options.drive() == 1 ? LearnMethod.DAGGER : LearnMethod.BC;
  }

  @Override
  public Needs needs() {
    return new Needs(true, (int) Math.round(options.drive() * instances), false, 1, false);
  }

  @Override
  public Stats update(Rollout r, BooleanSupplier stopping) {
    remember(r);
    int size = states.size();
    double loss = 0;
    double accuracy = 0;
    double norm = 0;
    double exact = 0;
    double lr = Double.NaN;
    int done = 0;
    boolean oneByte = r.space().oneByte();
    for (; done < options.updates() && size > 0 && !stopping.getAsBoolean(); done++) {
      lr = schedule.at(opt.steps());
      float[] s = oneByte ? step(size, r.space().alphabet(), lr) : answerStep(size, r.space().channel(), lr);
      loss += s[0];
      accuracy += s[1];
      norm += s[2];
      exact += oneByte ? 0 : s[3];
    }
    int n = Math.max(1, done);
    Stats s = new Stats(loss / n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, norm / n, lr,
        accuracy / n, done);
    return oneByte ? s : s.with(java.util.Map.of("exact_match", done == 0 ? Double.NaN : exact / n));
  }

  /** Puts the rollout's labelled states in the buffer; finished episodes give their states value targets. */
  private void remember(Rollout r) {
    if (r.envs() != instances) {
      throw new IllegalArgumentException("imitation plays " + instances + " instances; the rollout has " + r.envs());
    }
    if (!r.space().oneByte()) {
      rememberAnswers(r);
      return;
    }
    for (int t = 0; t < r.filled(); t++) {
      for (int i = 0; i < instances; i++) {
        int k = t * instances + i;
        if (r.label(k) < 0) {
          throw new IllegalArgumentException("imitation needs every state labelled; step " + t + " instance " + i
              + " has no expert label");
        }
        keep(i, states.add(r.input(k), r.label(k)));
        pendingRewards[i][pending[i] - 1] = r.reward(k);
        if (r.done(k)) {
          settle(i);
        }
      }
    }
  }

  /** Puts the rollout's states with a non-empty expert answer in the buffer, labelled with the answer's tokens. */
  private void rememberAnswers(Rollout r) {
    for (int k = 0; k < r.filled() * instances; k++) {
      byte[] answer = r.answer(k);
      if (answer == null) {
        throw new IllegalArgumentException("imitation needs every state labelled; step " + k / instances
            + " instance " + k % instances + " has no expert answer");
      }
      if (answer.length > 0) {
        states.add(r.input(k), r.space().answer(answer));
      }
    }
  }

  private void keep(int i, long stamp) {
    if (pending[i] == pendingStamps[i].length) {
      pendingStamps[i] = Arrays.copyOf(pendingStamps[i], pending[i] * 2);
      pendingRewards[i] = Arrays.copyOf(pendingRewards[i], pending[i] * 2);
    }
    pendingStamps[i][pending[i]++] = stamp;
  }

  /** Instance {@code i}'s episode ended: each of its states gets the discounted return from it on. */
  private void settle(int i) {
    double g = 0;
    for (int t = pending[i] - 1; t >= 0; t--) {
      g = pendingRewards[i][t] + GAMMA * g;
      states.setValue(pendingStamps[i][t], (float) g);
    }
    pending[i] = 0;
  }

  /** One gradient step on a minibatch from the buffer: cross-entropy, accuracy, gradient norm. */
  private float[] step(int size, long[] alphabet, double lr) {
    int b = Math.min(options.minibatch(), size);
    List<BrainInput> inputs = new ArrayList<>(b);
    long[] target = new long[b];
    float[] value = new float[b];
    float[] known = new float[b];
    for (int j = 0; j < b; j++) {
      int k = rng.nextInt(size);
      inputs.add(states.state(k));
      target[j] = states.label(k);
      float v = states.value(k);
      known[j] = Float.isNaN(v) ? 0 : 1;
      value[j] = Float.isNaN(v) ? 0 : v;
    }
    float knownCount = 0;
    for (float x : known) {
      knownCount += x;
    }
    float count = Math.max(1f, knownCount);
    return step((w, m) -> {
      Tensor[] fwd = Policy.forward(w, m, inputs, alphabet, true);
      Tensor logits = fwd[0]; // (B, A)
      Tensor ce = logits.logSoftmax(-1).gather(m.create(target, new Shape(b, 1)), 1).mean().neg();
      Tensor err = fwd[1].sub(m.create(value)).square().mul(m.create(known)); // (B)
      Tensor v = err.sum().div(m.create(count)).mul(m.create(0.5f * VALUE_COEF));
      return new Tensor[] {ce.add(v), ce, logits};
    }, lr, (t, norm) -> {
      long[] argmax = t[2].argMax(1).toLongArray();
      int right = 0;
      for (int j = 0; j < b; j++) {
        right += argmax[j] == target[j] ? 1 : 0;
      }
      return new float[] {t[1].getFloat(), (float) right / b, norm};
    });
  }

  /**
   * One gradient step of teacher forcing on a minibatch of answers from the buffer: the mean
   * negative log-probability of their tokens; returns loss, token accuracy, gradient norm and the
   * share of answers whose every token is the arg-max.
   */
  private float[] answerStep(int size, io.vivarium.core.Channel channel, double lr) {
    int b = Math.min(options.minibatch(), size);
    List<BrainInput> inputs = new ArrayList<>(b);
    int[][] tokens = new int[b][];
    for (int j = 0; j < b; j++) {
      int k = rng.nextInt(size);
      inputs.add(states.state(k));
      tokens[j] = states.answer(k);
    }
    return step((w, m) -> {
      Tensor[] seq = Policy.sequence(w, m, inputs, tokens, channel, temperature, true);
      Tensor mask = seq[2]; // (B·S)
      Tensor loss = seq[0].mul(mask).sum().div(mask.sum().maximum(m.create(1f))).neg();
      return new Tensor[] {loss, mask, seq[3].argMax(1)}; // argMax: (B·S) over the vocabulary
    }, lr, (t, norm) -> {
      float[] hits = hits(t[1].toFloatArray(), t[2].toLongArray(), tokens);
      return new float[] {t[0].getFloat(), hits[0], norm, hits[1]};
    });
  }

  /**
   * Token accuracy and exact-match share of the arg-max tokens {@code best} (B·S) at the scored
   * positions of {@code mask} (B·S): row j's scored positions hold its answer's last tokens in
   * order (all of them unless the row was cut to the block, which then counts as a miss).
   */
  static float[] hits(float[] mask, long[] best, int[][] answers) {
    int b = answers.length;
    int s = mask.length / b;
    int right = 0;
    int scored = 0;
    int exact = 0;
    for (int j = 0; j < b; j++) {
      int inRow = 0;
      for (int p = j * s; p < (j + 1) * s; p++) {
        inRow += mask[p] > 0 ? 1 : 0;
      }
      int next = answers[j].length - inRow;
      boolean all = inRow == answers[j].length;
      for (int p = j * s; p < (j + 1) * s; p++) {
        if (mask[p] > 0) {
          boolean ok = best[p] == answers[j][next++];
          right += ok ? 1 : 0;
          all &= ok;
        }
      }
      scored += inRow;
      exact += all ? 1 : 0;
    }
    return new float[] {(float) right / Math.max(1, scored), (float) exact / b};
  }
}
