package io.vivarium.brain.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.WorldBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Proximal policy optimisation (Schulman et al. 2017) of a brain in a batch of worlds with
 * one-byte actions: clipped surrogate, GAE(λ), value loss, entropy bonus, minibatch epochs,
 * per-minibatch advantage normalisation, global gradient clipping, linear learning-rate
 * annealing. Each {@link #iterate()} collects one rollout and learns from it.
 *
 * <p>Not thread-safe: one thread drives a learner. Backward passes take the process-wide
 * {@link TrainingLock}, so learners of different brains may share a JVM.
 */
public final class Ppo implements AutoCloseable {
  /** What one iteration did. */
  public record Stats(long envSteps, long episodes, double meanReturn, double successRate,
      double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction) {}

  private final BatchActor actor;
  private final PpoOptions options;
  private final SplittableRandom rng;
  private final AdamW opt;
  private final Rollout rollout;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private Timing timing = new Timing(0, 0, 0, 0, 0);
  private BooleanSupplier stopCheck = () -> false;

  /**
   * Where the last {@link #iterate()} spent its time, for benchmarks.
   *
   * @param collectSeconds acting in the worlds (rollout), wall time
   * @param updateSeconds the minibatch gradient steps, wall time
   * @param collectCpuSeconds the calling thread's CPU time while collecting
   * @param updateCpuSeconds the calling thread's CPU time while updating (with one intra-op
   *     thread PyTorch computes on it, so on a busy machine this estimates the uncontended time)
   * @param updates how many minibatch gradient steps
   */
  public record Timing(double collectSeconds, double updateSeconds, double collectCpuSeconds,
      double updateCpuSeconds, int updates) {}

  /** A learner of {@code brain} in {@code batch} (reset here with a seed derived from {@code seed}). */
  public Ppo(TorchBrain brain, WorldBatch batch, Encoding encoding, PpoOptions options, long seed) {
    if (batch.size() != options.envs()) {
      throw new IllegalArgumentException("ppo envs is " + options.envs() + " but the world batch has "
          + batch.size() + " instances; make them equal");
    }
    this.actor = new BatchActor(brain, batch, encoding);
    this.options = options;
    this.rng = Seeds.random(seed, "ppo-actions", 0);
    this.rollout = new Rollout(options.steps(), batch.size());
    this.opt = brain.update(w -> new AdamW(w, 0.9, 0.999, 1e-5, 0));
    batch.reset(Seeds.derive(seed, "ppo-worlds"));
  }

  /** Collects one rollout and learns from it. */
  public Stats iterate() {
    long start = System.nanoTime();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    collect();
    long collected = System.nanoTime();
    long cpuCollected = CPU.getCurrentThreadCpuTime();
    Advantages.gae(rollout.rewards, rollout.values, rollout.done, rollout.lastValues, rollout.envs,
        (float) options.gamma(), (float) options.lambda(), rollout.advantages, rollout.returns);
    double lr = options.lrAt(actor.envSteps() - rollout.size());
    double[] sums = new double[6];
    updates:
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      int[] order = permutation(rollout.size());
      for (int from = 0; from + options.minibatch() <= order.length; from += options.minibatch()) {
        if (stopCheck.getAsBoolean()) {
          break updates; // the rest of the rollout is dropped; every applied step was whole
        }
        float[] s = update(order, from, options.minibatch(), lr);
        for (int k = 0; k < s.length; k++) {
          sums[k] += s[k];
        }
        sums[5]++;
      }
    }
    timing = new Timing((collected - start) / 1e9, (System.nanoTime() - collected) / 1e9,
        (cpuCollected - cpuStart) / 1e9, (CPU.getCurrentThreadCpuTime() - cpuCollected) / 1e9,
        (int) sums[5]);
    double n = Math.max(1, sums[5]);
    return new Stats(actor.envSteps(), actor.episodes.episodes(), actor.episodes.meanReturn(),
        actor.episodes.successRate(),
        sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n);
  }

  /** Where the last iteration spent its time. */
  public Timing timing() {
    return timing;
  }

  /**
   * Sets a hook called on the driving thread after every batch step, with the motor bytes of
   * that step (an array owned by the learner, valid during the call); the batch's rewards and
   * done flags are those of the step. Null removes it. An exception from the hook ends the
   * iteration.
   */
  public void setStepObserver(java.util.function.Consumer<byte[]> observer) {
    actor.setStepObserver(observer);
  }

  /**
   * Sets a check asked before every minibatch update: when it says true, the iteration ends
   * at once with the updates applied so far (each one whole) and the rest of its rollout
   * dropped. Called on the driving thread; the supplier may read state set by other threads.
   */
  public void setStopCheck(BooleanSupplier check) {
    stopCheck = check == null ? () -> false : check;
  }

  /** The optimizer's moments and step counter as bytes (see {@link AdamW#exportState()}). */
  public byte[] optimizerState() {
    return opt.exportState();
  }

  /**
   * Continues from an optimizer state saved by {@link #optimizerState()}.
   *
   * @throws IllegalArgumentException when it does not fit this brain; the optimizer stays fresh
   */
  public void restoreOptimizer(byte[] state) {
    opt.importState(state);
  }

  /** Updates the optimizer has applied (across restores). */
  public int optimizerSteps() {
    return opt.steps();
  }

  /** What instance {@code i} of the batch sees now, encoded as the brain's input. */
  public BrainInput input(int i) {
    return actor.observe(i);
  }

  /** The recent episodes' statistics. */
  public EpisodeStats episodes() {
    return actor.episodes;
  }

  // 1. Rollout: act in every world for T steps, remembering what was seen and done.
  private void collect() {
    int n = actor.batch.size();
    for (int t = 0; t < rollout.steps; t++) {
      List<BrainInput> inputs = actor.observe();
      float[][] out = actor.policy(inputs);
      float[] logp = new float[n];
      int[] actions = Policy.sample(out[0], actor.alphabet.length, rng, logp, false);
      for (int i = 0; i < n; i++) {
        int k = t * n + i;
        rollout.inputs[k] = inputs.get(i);
        rollout.actions[k] = actions[i];
        rollout.logp[k] = logp[i];
        rollout.values[k] = out[1][i];
      }
      actor.step(actions);
      rollout.record(t, actor.batch);
    }
    System.arraycopy(actor.policy(actor.observe())[1], 0, rollout.lastValues, 0, n);
  }

  // 2. Update: one gradient step on a minibatch; returns pg loss, value loss, entropy, kl, clip fraction.
  private float[] update(int[] order, int from, int size, double lr) {
    List<BrainInput> inputs = new ArrayList<>(size);
    long[] actions = new long[size];
    float[] oldLogp = new float[size];
    float[] adv = new float[size];
    float[] ret = new float[size];
    for (int j = 0; j < size; j++) {
      int k = order[from + j];
      inputs.add(rollout.inputs[k]);
      actions[j] = rollout.actions[k];
      oldLogp[j] = rollout.logp[k];
      adv[j] = rollout.advantages[k];
      ret[j] = rollout.returns[k];
    }
    Advantages.normalise(adv, 0, size, 1e-8f);
    return actor.brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        NDArray[] terms = TrainingLock.run(() -> {
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray[] out = Policy.forward(w, m, inputs, actor.alphabet, true);
            NDArray logAll = out[0].logSoftmax(-1); // (B, A)
            NDArray newLogp = logAll.gather(m.create(actions, new Shape(size, 1)), 1).squeeze(-1); // (B)
            NDArray entropy = logAll.exp().mul(logAll).sum(new int[] {-1}).neg().mean();
            // Constants are arrays of the step's manager: DJL's scalar overloads free their
            // buffer before the backward pass reads it (see Transformer#scalar).
            NDArray logRatio = newLogp.sub(m.create(oldLogp));
            NDArray ratio = logRatio.exp();
            NDArray a = m.create(adv);
            NDArray clipped = ratio.maximum(m.create((float) (1 - options.clip()))).minimum(m.create((float) (1 + options.clip())));
            NDArray pg = a.mul(ratio).neg().maximum(a.mul(clipped).neg()).mean();
            NDArray v = out[1].sub(m.create(ret)).square().mean().mul(m.create(0.5f));
            NDArray loss = pg.sub(entropy.mul(m.create((float) options.entropy())))
                .add(v.mul(m.create((float) options.valueCoef())));
            gc.backward(loss);
            return new NDArray[] {pg, v, entropy, logRatio, ratio};
          }
        });
        JniUtils.setGradMode(false);
        opt.step(m, lr, options.maxGradNorm());
        float[] lr2 = terms[3].toFloatArray();
        float[] ratios = terms[4].toFloatArray();
        double kl = 0;
        int clipped = 0;
        for (int j = 0; j < size; j++) {
          kl += Math.exp(lr2[j]) - 1 - lr2[j];
          clipped += Math.abs(ratios[j] - 1) > options.clip() ? 1 : 0;
        }
        return new float[] {terms[0].getFloat(), terms[1].getFloat(), terms[2].getFloat(),
          (float) (kl / size), (float) clipped / size};
      }
    });
  }

  private int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  // -- shared memory (seed 000): what the colony recalls into the context and stores ----------

  /** Shows {@code memory} (recalled payloads, concatenated) on the memory channel from the next step on. */
  public void recall(byte[] memory) {
    actor.memory = memory.clone();
  }

  /** The action bytes environment {@code env} took in the last iteration, oldest first. */
  public byte[] lastActions(int env) {
    byte[] out = new byte[rollout.steps];
    for (int t = 0; t < rollout.steps; t++) {
      out[t] = (byte) actor.alphabet[rollout.actions[t * rollout.envs + env]];
    }
    return out;
  }

  @Override
  public void close() {
    opt.close();
  }
}
